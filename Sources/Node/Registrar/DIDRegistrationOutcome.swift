public import Chain
public import DID

/// What the registrar did (DID Registration's `didState`).
public enum DIDRegistrationOutcome: Sendable {
    /// The operation committed: the DID, its document afterwards (`nil` once deactivated), its
    /// version, and the transaction that carried it.
    case finished(did: DID, document: DIDDocument?, versionId: UInt64, receipt: TransactionReceipt)
    /// Refused: the request, the DID's state or the chain said no (`failed`, with the reason).
    case failed(String)
    /// The DID to change is not on this chain (`failed`, answered 404).
    case notFound(String)
    /// The DID is in a state that forbids the change: deactivated (`failed`, answered 409).
    case conflict(String)
    /// No session, or one that ended (`failed`, answered 401).
    case unauthorized(String)
    /// The node cannot write now (a full or read-only disk); retry later (`failed`, answered 503).
    case unavailable(String)
    /// The node could not decide (`failed`, answered 500; the detail goes to its log).
    case nodeFailure(String)
}
