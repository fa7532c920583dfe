/// The result of a request to the vault node a node serves to other hosts' coordinators
/// (`POST /vault/requests`, `specs/custody-vault.md` §9).
public enum VaultRequestOutcome: Sendable, Hashable {
    /// The sealed, signed answer, whatever the operation's own outcome (200).
    case answer([UInt8])
    /// This node serves no vault node (404).
    case notServed
    /// The request is malformed or addressed to another node (400).
    case malformed(String)
    /// The coordinator is not admitted or its signature does not verify (401).
    case unauthorized(String)
    /// Already received, outside the time window, or older than the vault node's start (409).
    case replayed(String)
    /// The vault node cannot take it now (503).
    case unavailable(String)
}
