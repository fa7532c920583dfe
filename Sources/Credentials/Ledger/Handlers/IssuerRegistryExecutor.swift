public import Chain
public import DID
import Primitives

/// Carries out the issuer-registry governance actions once the committee has approved them
/// (`specs/credentials.md` §5.4): `issuer.accredit {did, schemas}` opens an accreditation
/// period per schema for an issuer that applied for it; `issuer.revoke {did, schemas?}` closes
/// the named periods (all open ones when `schemas` is absent).
///
/// Register it with the governance handler: `GovernanceHandler(additional: [IssuerRegistryExecutor()])`.
public struct IssuerRegistryExecutor: GovernanceExecutor {
    /// `issuer.accredit` and `issuer.revoke`.
    public let kinds = ["issuer.accredit", "issuer.revoke"]

    /// Creates the executor.
    public init() {}

    /// An `issuer.accredit` action; a `nonce` lets the committee repeat an identical action.
    public static func accreditation(of did: DID, schemas: [UInt64], nonce: String? = nil) -> GovernanceAction {
        action("issuer.accredit", did: did, schemas: schemas, nonce: nonce)
    }

    /// An `issuer.revoke` action; `schemas: nil` revokes every accreditation in force.
    public static func revocation(of did: DID, schemas: [UInt64]? = nil, nonce: String? = nil) -> GovernanceAction {
        action("issuer.revoke", did: did, schemas: schemas, nonce: nonce)
    }

    public func validate(_ action: GovernanceAction) throws {
        guard (try? DIDChancery(DID(parsing: try action.string("did")))) != nil else {
            throw ChainError.invalidBody("The \(action.kind) action's 'did' is not a did:chancery DID.")
        }
        if action.kind == "issuer.accredit" || action.object["schemas"] != nil { _ = try Self.schemas(action) }
    }

    public func execute(_ action: GovernanceAction, context: TransactionContext, state: StateTransaction) throws {
        let did = try DIDAuthority.canonical(try DID(parsing: try action.string("did")), chainId: context.chainId)
        let key = CredentialLedgerState.text(did.description)
        guard var record = try state.value(namespace: CredentialLedgerState.issuer, key: key).map({ try IssuerRecord(stateBytes: $0) }) else {
            throw ChainError(.notFound, "\(did) has not applied to be an issuer; it sends issuer.apply first.")
        }
        if action.kind == "issuer.accredit" {
            guard let keys = try DIDOperationHandler.currentKeys(of: did, for: [], state: state), !keys.deactivated else {
                throw ChainError.unauthorized("\(did) is deactivated or unknown and cannot be accredited.")
            }
            for number in try Self.schemas(action) {
                guard record.appliedSchemas.contains(number) else {
                    throw ChainError.unauthorized("\(did) has not applied for CPT \(number).")
                }
                guard record.accreditations[number]?.last.map({ $0.until != nil }) ?? true else {
                    throw ChainError(.alreadyExists, "\(did) is already accredited for CPT \(number).")
                }
                record.accreditations[number, default: []].append(IssuerRecord.Accreditation(from: context.time, until: nil))
            }
        } else {
            let numbers = action.object["schemas"] == nil ? record.currentlyAccredited : try Self.schemas(action)
            guard !numbers.isEmpty else { throw ChainError(.notFound, "\(did) holds no accreditation to revoke.") }
            for number in numbers {
                guard var periods = record.accreditations[number], periods.last?.until == nil, !periods.isEmpty else {
                    throw ChainError(.notFound, "\(did) is not accredited for CPT \(number).")
                }
                periods[periods.count - 1].until = context.time
                record.accreditations[number] = periods
            }
        }
        state.put(namespace: CredentialLedgerState.issuer, key: key, value: record.stateBytes)
    }

    private static func action(_ kind: String, did: DID, schemas: [UInt64]?, nonce: String?) -> GovernanceAction {
        var parameters: JSONObject = ["did": .string(did.description)]
        if let schemas { parameters["schemas"] = .array(schemas.map { .number(Double($0)) }) }
        if let nonce { parameters["nonce"] = .string(nonce) }
        return GovernanceAction(kind: kind, parameters: parameters)
    }

    private static func schemas(_ action: GovernanceAction) throws -> [UInt64] {
        let values = action.object["schemas"]?.arrayValue ?? []
        let numbers = values.compactMap(LedgerPayload.integer)
        guard !values.isEmpty, numbers.count == values.count, Set(numbers).count == numbers.count else {
            throw ChainError.invalidBody("The \(action.kind) action's 'schemas' must be a non-empty array of distinct CPT numbers.")
        }
        return numbers
    }
}
