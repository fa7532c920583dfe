extension KeyCustodyError.Code {
    /// The key exists but its owner has not unlocked it (no vault session, or it expired).
    public static let notUnlocked = KeyCustodyError.Code("notUnlocked")
}

extension KeyCustodyError {
    /// Maps a `PrimitivesError` met while reading vault data to a backend failure naming what
    /// was being read, since such an error means the stored data fails its checks.
    static func corrupt(_ what: String, _ error: any Error, file: String = #fileID, line: Int = #line) -> KeyCustodyError {
        if let error = error as? KeyCustodyError { return error }
        return KeyCustodyError(.backendFailure, "\(what) is corrupt: \(error).", file: file, line: line)
    }
}
