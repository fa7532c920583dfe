public import Chain
public import DID
import Primitives

/// The credential ledger's read side over a chain's state (`specs/credentials.md` §5): schemas,
/// the issuer registry, status lists, evidence anchors and authorisation grants. Each read is
/// one or two state reads, so verification can call it on every credential.
///
/// ```swift
/// let ledger = CredentialLedger(chainId: chainId, state: store)
/// let accredited = try ledger.isAccredited(issuer: issuer, schema: 1000, at: issuanceTime)
/// let revoked = try ledger.statusList(id: listId)?.list.bit(at: index)
/// ```
public struct CredentialLedger: Sendable {
    /// The chain whose state this reads.
    public let chainId: String
    let state: any StateReader

    /// A ledger over committed state (a node's store) or any other state reader.
    /// - Parameters:
    ///   - chainId: the chain's id, bound into authorisation checks.
    ///   - state: the state to read.
    public init(chainId: String, state: any StateReader) {
        self.chainId = chainId
        self.state = state
    }

    /// One version of a registered schema.
    /// - Returns: the schema, or `nil` when that CPT version does not exist.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func schema(_ id: CPTIdentifier) throws -> RegisteredSchema? {
        try state.value(namespace: CredentialLedgerState.schema, key: CredentialLedgerState.schemaKey(id))
            .map { try RegisteredSchema(id: id, stateBytes: $0) }
    }

    /// The newest version of a CPT.
    /// - Returns: the schema, or `nil` for an unknown CPT number.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func latestSchema(number: UInt64) throws -> RegisteredSchema? {
        guard let head = try SchemaHead.read(number: number, from: state) else { return nil }
        return try schema(CPTIdentifier(number: number, version: head.version))
    }

    /// The CPT version a `cpt.register` transaction created, so its submitter learns the number
    /// the chain assigned.
    /// - Returns: the identifier, or `nil` when the transaction registered no schema.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func schemaIdentifier(registeredBy transaction: TransactionID) throws -> CPTIdentifier? {
        try state.value(namespace: CredentialLedgerState.schemaByTransaction, key: transaction.bytes).map {
            let values = try CredentialLedgerState.integers($0, count: 2)
            return CPTIdentifier(number: values[0], version: values[1])
        }
    }

    /// An issuer's registry record.
    /// - Returns: the record, or `nil` when the DID never applied.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func issuer(_ did: DID) throws -> IssuerRecord? {
        try state.value(namespace: CredentialLedgerState.issuer, key: CredentialLedgerState.text(did.description))
            .map { try IssuerRecord(stateBytes: $0) }
    }

    /// Every issuer that applied, in DID order.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func issuers() throws -> [IssuerRecord] {
        try state.entries(namespace: CredentialLedgerState.issuer, prefix: []).map { try IssuerRecord(stateBytes: $0.value) }
    }

    /// Whether an issuer was accredited for a CPT (any version) at a time, as the committee's
    /// accreditations and revocations stood then.
    /// - Parameters:
    ///   - issuer: the issuer's DID in canonical (EIP-55) form.
    ///   - number: the CPT number.
    ///   - time: ms since 1970, typically the credential's issuance time.
    /// - Returns: `false` for an unknown issuer.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func isAccredited(issuer: DID, schema number: UInt64, at time: UInt64) throws -> Bool {
        try self.issuer(issuer)?.isAccredited(schema: number, at: time) ?? false
    }
}
