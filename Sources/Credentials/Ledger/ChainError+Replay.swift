public import Chain

extension ChainError.Code {
    /// A `status.update` names another update counter than its index's current one: it was
    /// planned from older state, or it is an applied body replayed (`specs/credentials.md` §5.5).
    public static let staleStatusCounter = Self("staleStatusCounter")
    /// A nonce-bound DID-authorised body that already applied was submitted again
    /// (`specs/credentials.md` §5.1).
    public static let replayedBody = Self("replayedBody")
}
