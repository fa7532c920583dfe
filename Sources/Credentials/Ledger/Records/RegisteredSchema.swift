public import Chain
public import DID
import Primitives

/// One version of a credential schema as registered on the chain by `cpt.register`.
public struct RegisteredSchema: Sendable {
    /// The CPT number and version.
    public let id: CPTIdentifier
    /// The parsed schema.
    public let schema: CredentialSchema
    /// The DID that registered the CPT; only it registers further versions.
    public let author: DID
    /// The block time of the registration, ms since 1970.
    public let registered: UInt64
    /// The registering transaction.
    public let transaction: TransactionID

    init(id: CPTIdentifier, schema: CredentialSchema, author: DID, registered: UInt64, transaction: TransactionID) {
        self.id = id
        self.schema = schema
        self.author = author
        self.registered = registered
        self.transaction = transaction
    }

    /// The JCS JSON stored in state.
    var stateBytes: [UInt8] {
        JCS.canonicalize(["schema": schema.document, "author": .string(author.description),
                          "registered": .number(Double(registered)), "transaction": .string(transaction.description)])
    }

    init(id: CPTIdentifier, stateBytes: [UInt8]) throws {
        guard let json = try? JSONValue(parsing: stateBytes), let document = json["schema"],
              let author = json["author"]?.stringValue.flatMap({ try? DID(parsing: $0) }),
              let registered = LedgerPayload.integer(json["registered"]),
              let transaction = json["transaction"]?.stringValue.flatMap({ try? TransactionID(hex: $0) }) else {
            throw ChainError(.corruptLedger, "The stored schema \(id) cannot be read.")
        }
        self.init(id: id, schema: try CredentialSchema(document), author: author, registered: registered, transaction: transaction)
    }
}
