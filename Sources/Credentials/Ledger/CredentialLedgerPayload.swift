public import DID
public import Primitives

/// Builders of the payloads of the credential-ledger transactions (`specs/credentials.md` §5),
/// to sign with ``DIDAuthorizedOperation/signed(type:did:payload:chainId:privateKey:)``.
public enum CredentialLedgerPayload {
    /// `cpt.register`: a new CPT, or with `number` a new version of that CPT.
    public static func cptRegistration(schema: JSONValue, number: UInt64? = nil) -> JSONObject {
        var object: JSONObject = ["schema": schema]
        if let number { object["number"] = .number(Double(number)) }
        return object
    }

    /// `issuer.apply`: the issuer's name and the CPT numbers it asks accreditation for.
    public static func issuerApplication(name: String, schemas: [UInt64]) -> JSONObject {
        ["name": .string(name), "schemas": .array(schemas.map { .number(Double($0)) })]
    }

    /// `status.update`: one status bit of one of the issuer's lists.
    public static func statusUpdate(list: String, index: Int, value: Bool) -> JSONObject {
        ["list": .string(list), "index": .number(Double(index)), "value": .number(value ? 1 : 0)]
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
