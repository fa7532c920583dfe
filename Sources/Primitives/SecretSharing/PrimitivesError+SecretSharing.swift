extension PrimitivesError.Code {
    /// A secret share that does not match its Feldman commitments (altered, or from another
    /// dealing).
    public static let invalidShare = PrimitivesError.Code("invalidShare")
    /// Fewer distinct shares than the threshold needs.
    public static let insufficientShares = PrimitivesError.Code("insufficientShares")
}

extension PrimitivesError {
    /// A share that fails Feldman verification; the reason names its index.
    package static func invalidShare(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidShare, reason, file: file, line: line)
    }
    /// Fewer shares than the threshold; the reason says how many are needed.
    package static func insufficientShares(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.insufficientShares, reason, file: file, line: line)
    }
}
