import Chain
import DID

/// Where the credential ledger keeps its state (`specs/credentials.md` §5.8). Records read on
/// the verification path (status lists, anchors) are binary or raw bytes under one key each;
/// the rest are JCS JSON.
enum CredentialLedgerState {
    /// `u64 number ‖ u64 version` → schema record (JCS).
    static let schema = "cred.cpt"
    /// `u64 number` → `u64 latest version ‖ str author DID`.
    static let schemaHead = "cred.cpt.head"
    /// transaction id → `u64 number ‖ u64 version`.
    static let schemaByTransaction = "cred.cpt.tx"
    /// `"cpt"` → `u64` next CPT number.
    static let counter = "cred.counter"
    /// issuer DID → issuer record (JCS).
    static let issuer = "cred.issuer"
    /// list id → the raw bitstring (16,384 bytes).
    static let statusBits = "cred.status"
    /// list id → `str issuer ‖ str purpose ‖ u64 allocated ‖ u64 updated`.
    static let statusMeta = "cred.status.meta"
    /// `issuer DID ‖ 0x00 ‖ purpose` → `u64` number of the issuer's newest list of that purpose.
    static let statusHead = "cred.status.head"
    /// `list id ‖ 0x00 ‖ u64 index` → `u64` status updates applied to that index.
    static let statusCounter = "cred.status.counter"
    /// digest of an applied nonce-bound operation → `u64` height.
    static let appliedBodies = "cred.used"
    /// Merkle root → `str issuer ‖ u64 count ‖ u64 height ‖ u64 time ‖ B32 transaction id`.
    static let evidence = "cred.evidence"
    /// grant id (16 bytes) → authorisation record (JCS).
    static let authorization = "cred.authz"

    /// The first CPT number handed out.
    static let firstCPTNumber: UInt64 = 1_000
    /// The statuses in every list: the Bitstring Status List minimum, one bit each.
    static let statusListCapacity = 131_072

    static func text(_ value: String) -> [UInt8] { Array(value.utf8) }

    static func u64(_ value: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

    static func schemaKey(_ id: CPTIdentifier) -> [UInt8] { u64(id.number) + u64(id.version) }

    static func statusHeadKey(issuer: DID, purpose: StatusPurpose) -> [UInt8] {
        text(issuer.description) + [0] + text(purpose.rawValue)
    }

    /// Reads `u64` values (and nothing else) from `bytes`.
    static func integers(_ bytes: [UInt8], count: Int) throws -> [UInt64] {
        var reader = ByteReader(bytes)
        do {
            let values = try (0..<count).map { _ throws(ChainError) in try reader.u64() }
            try reader.finish()
            return values
        } catch { throw ChainError(.corruptLedger, "A stored credential-ledger counter cannot be read.") }
    }
}
