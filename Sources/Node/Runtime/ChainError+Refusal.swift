package import Chain

extension ChainError {
    /// Whether the chain refused a transaction for what it says (a signature, a permission, a
    /// conflict with state), rather than failing to store or read: a refusal's reason speaks
    /// of the transaction and may be shown to a remote client; a failure's is the node's own.
    package var isRefusal: Bool {
        ![Code.storageFailure, .diskFull, .corruptLedger, .invalidGenesis, .unavailable].contains(code)
    }

    /// Whether the node cannot write now (the disk is full, a file size limit, a read-only or
    /// failing disk) though the request was fine: answered 503 (507 for a full disk) with the
    /// reason, which names the cause and nothing of the node's files; reads go on, and writes
    /// resume once the cause is gone, without a restart.
    package var isStorageUnavailable: Bool { code == .diskFull || code == .storageFailure }
}
