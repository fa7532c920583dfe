import Chain
import DID
import Primitives

extension IssuerRecord {
    /// The JCS JSON stored in state; accreditation periods keyed by the CPT number in decimal.
    package var stateBytes: [UInt8] {
        var periods = JSONObject()
        for (number, list) in accreditations.sorted(by: { $0.key < $1.key }) {
            periods[String(number)] = .array(list.map { period in
                var object: JSONObject = ["from": .number(Double(period.from))]
                if let until = period.until { object["until"] = .number(Double(until)) }
                return .object(object)
            })
        }
        return JCS.canonicalize(["did": .string(did.description), "name": .string(name),
                                 "schemas": .array(appliedSchemas.map { .number(Double($0)) }),
                                 "applied": .number(Double(applied)), "accreditations": .object(periods)])
    }

    package init(stateBytes: [UInt8]) throws {
        let corrupt = ChainError(.corruptLedger, "A stored issuer record cannot be read.")
        guard let json = try? JSONValue(parsing: stateBytes), let did = json["did"]?.stringValue.flatMap({ try? DID(parsing: $0) }),
              let name = json["name"]?.stringValue, let schemas = json["schemas"]?.arrayValue,
              let applied = LedgerPayload.integer(json["applied"]), let periods = json["accreditations"]?.objectValue else { throw corrupt }
        var accreditations: [UInt64: [Accreditation]] = [:]
        for (key, value) in periods {
            guard let number = UInt64(key), let list = value.arrayValue else { throw corrupt }
            accreditations[number] = try list.map { item in
                guard let from = LedgerPayload.integer(item["from"]) else { throw corrupt }
                return Accreditation(from: from, until: LedgerPayload.integer(item["until"]))
            }
        }
        let appliedSchemas = try schemas.map { value in
            guard let number = LedgerPayload.integer(value) else { throw corrupt }
            return number
        }
        self.init(did: did, name: name, appliedSchemas: appliedSchemas, applied: applied, accreditations: accreditations)
    }
}
