extension KeyCustodyError {
    /// A keystore file that cannot be used as it is: malformed, truncated, altered, or written
    /// by a newer version. Opening never writes, so the reason can promise the file is intact.
    /// - Parameters:
    ///   - path: the keystore file, named so the operator knows which file to restore.
    ///   - detail: what is wrong, as a lowercase clause without a final period.
    ///   - remedy: what to do, as a clause that follows "so".
    static func corruptKeystore(
        _ path: String, _ detail: String, remedy: String = "restore it from a backup", file: String = #fileID, line: Int = #line
    ) -> Self {
        KeyCustodyError(
            .backendFailure,
            "The keystore \(path) cannot be used because \(detail); it was left unchanged on disk, so \(remedy).",
            file: file, line: line)
    }

    /// A wrong password, which the file cannot tell apart from an altered salt, cost or check.
    /// - Parameter path: the keystore file.
    static func wrongKeystorePassword(_ path: String, file: String = #fileID, line: Int = #line) -> Self {
        KeyCustodyError(
            .authenticationFailed,
            "The password does not unlock the keystore \(path) (or its kdf or passwordCheck fields were altered).",
            file: file, line: line)
    }
}
