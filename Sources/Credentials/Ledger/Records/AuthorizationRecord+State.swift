import Chain
import DID
import Primitives

extension AuthorizationRecord {
    /// The JCS JSON stored in state.
    var stateBytes: [UInt8] {
        var object: JSONObject = [
            "id": .string(Hex.encode(id)), "holder": .string(holder.description), "grantee": .string(grantee.description),
            "scope": .array(scope.map(JSONValue.string)), "purpose": .string(purpose),
            "validFrom": .number(Double(validFrom)), "validUntil": .number(Double(validUntil)), "granted": .number(Double(granted)),
        ]
        if let revoked { object["revoked"] = .number(Double(revoked)) }
        return JCS.canonicalize(.object(object))
    }

    init(stateBytes: [UInt8]) throws {
        guard let json = try? JSONValue(parsing: stateBytes), let id = json["id"]?.stringValue.flatMap({ try? Hex.decode($0) }),
              let holder = json["holder"]?.stringValue.flatMap({ try? DID(parsing: $0) }),
              let grantee = json["grantee"]?.stringValue.flatMap({ try? DID(parsing: $0) }),
              let scope = json["scope"]?.arrayValue?.compactMap(\.stringValue), let purpose = json["purpose"]?.stringValue,
              let validFrom = LedgerPayload.integer(json["validFrom"]), let validUntil = LedgerPayload.integer(json["validUntil"]),
              let granted = LedgerPayload.integer(json["granted"]) else {
            throw ChainError(.corruptLedger, "A stored authorization record cannot be read.")
        }
        self.init(id: id, holder: holder, grantee: grantee, scope: scope, purpose: purpose, validFrom: validFrom,
                  validUntil: validUntil, granted: granted, revoked: LedgerPayload.integer(json["revoked"]))
    }
}
