public import DID
public import Primitives

/// Builders of the payloads of the credential-ledger transactions (`specs/credentials.md` §5),
/// to sign with ``DIDAuthorizedOperation/signed(type:did:payload:chainId:privateKey:)``.
public enum CredentialLedgerPayload {
    /// 16 random bytes for a nonce-bound payload (`specs/credentials.md` §5.1).
    public static func nonce() -> [UInt8] { SecureRandom.bytes(count: 16) }

    /// `cpt.register`: a new CPT, or with `number` a new version of that CPT; `nonce` makes the
    /// signed body single-use (a fresh one by default).
    public static func cptRegistration(schema: JSONValue, number: UInt64? = nil, nonce: [UInt8] = CredentialLedgerPayload.nonce()) -> JSONObject {
        var object: JSONObject = ["schema": schema, "nonce": .string(Hex.encode(nonce))]
        if let number { object["number"] = .number(Double(number)) }
        return object
    }

    /// `issuer.apply`: the issuer's name and the CPT numbers it asks accreditation for;
    /// `nonce` makes the signed body single-use (a fresh one by default).
    public static func issuerApplication(name: String, schemas: [UInt64], nonce: [UInt8] = CredentialLedgerPayload.nonce()) -> JSONObject {
        ["name": .string(name), "schemas": .array(schemas.map { .number(Double($0)) }), "nonce": .string(Hex.encode(nonce))]
    }

    /// `status.update`: one status bit of one of the issuer's lists, for the index's current
    /// update `counter` (``CredentialLedger/statusUpdateCounter(list:index:)``).
    public static func statusUpdate(list: String, index: Int, value: Bool, counter: UInt64) -> JSONObject {
        ["list": .string(list), "index": .number(Double(index)), "value": .number(value ? 1 : 0), "counter": .number(Double(counter))]
    }

    /// `evidence.anchor`: a batch's Merkle root, its size and its status allocations.
    public static func evidenceAnchor(root: [UInt8], count: Int, allocations: [StatusAllocation]) -> JSONObject {
        ["root": .string(Hex.encode(root)), "count": .number(Double(count)), "allocations": .array(allocations.map(\.jsonValue))]
    }

    /// `authz.grant`: a grant with a 16-byte id the holder chose at random.
    public static func authorizationGrant(id: [UInt8], grantee: DID, scope: [String], purpose: String,
                                          validFrom: UInt64, validUntil: UInt64) -> JSONObject {
        ["id": .string(Hex.encode(id)), "grantee": .string(grantee.description), "scope": .array(scope.map(JSONValue.string)),
         "purpose": .string(purpose), "validFrom": .number(Double(validFrom)), "validUntil": .number(Double(validUntil))]
    }

    /// `authz.revoke`: the grant's id.
    public static func authorizationRevocation(id: [UInt8]) -> JSONObject { ["id": .string(Hex.encode(id))] }
}
