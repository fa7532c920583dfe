extension ChainError.Code {
    /// The delegation named by a delegated operation was revoked by its delegator.
    public static let revokedDelegation = Self("revokedDelegation")
    /// The delegation named by a delegated operation is past its `validUntil`.
    public static let expiredDelegation = Self("expiredDelegation")
    /// The delegate used up its operations for the current window.
    public static let rateLimited = Self("rateLimited")
}
