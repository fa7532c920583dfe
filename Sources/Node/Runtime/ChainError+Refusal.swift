package import Chain

extension ChainError {
    /// Whether the chain refused a transaction for what it says (a signature, a permission, a
    /// conflict with state), rather than failing to store or read: a refusal's reason speaks
    /// of the transaction and may be shown to a remote client; a failure's is the node's own.
    package var isRefusal: Bool {
        ![Code.storageFailure, .diskFull, .corruptLedger, .invalidGenesis, .unavailable].contains(code)
    }
}
