extension ChainError.Code {
    /// The auditor's master key could not be split, rebuilt or turned into an epoch key.
    public static let invalidAuditorKey = Self("invalidAuditorKey")
}
