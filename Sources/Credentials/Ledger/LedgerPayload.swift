import Chain
import DID
import Primitives

/// Typed reads of a payload's members, each refusing with `ChainError.invalidBody` that names
/// the member, so every handler reports malformed payloads the same way.
struct LedgerPayload {
    let object: JSONObject
    let type: TransactionType

    init(_ object: JSONObject, type: TransactionType) {
        self.object = object
        self.type = type
    }

    /// Refuses members other than `allowed`, so a misspelt optional member is not ignored.
    func only(_ allowed: Set<String>) throws {
        if let extra = object.keys.first(where: { !allowed.contains($0) }) {
            throw ChainError.invalidBody("The \(type) payload has an unknown member '\(extra)'; allowed: \(allowed.sorted().joined(separator: ", ")).")
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = object[name]?.stringValue, !value.isEmpty else {
            throw ChainError.invalidBody("The \(type) payload needs a non-empty text '\(name)'.")
        }
        return value
    }

    func integer(_ name: String) throws -> UInt64 {
        guard let value = Self.integer(object[name]) else {
            throw ChainError.invalidBody("The \(type) payload needs a whole number '\(name)' from 0 to 2^53.")
        }
        return value
    }

    func optionalInteger(_ name: String) throws -> UInt64? {
        object[name] == nil ? nil : try integer(name)
    }

    func did(_ name: String) throws -> DID {
        guard let did = try? DID(parsing: try string(name)) else {
            throw ChainError.invalidBody("'\(name)' in the \(type) payload is not a DID.")
        }
        return did
    }

    func array(_ name: String) throws -> [JSONValue] {
        guard let values = object[name]?.arrayValue else {
            throw ChainError.invalidBody("The \(type) payload needs an array '\(name)'.")
        }
        return values
    }

    func hex(_ name: String, count: Int) throws -> [UInt8] {
        guard let bytes = try? Hex.decode(try string(name)), bytes.count == count else {
            throw ChainError.invalidBody("'\(name)' in the \(type) payload must be \(count) bytes in hex.")
        }
        return bytes
    }

    /// A JSON number that is a whole number a double holds exactly.
    static func integer(_ value: JSONValue?) -> UInt64? {
        guard let number = value?.doubleValue, number >= 0, number <= 9_007_199_254_740_992, number == number.rounded() else { return nil }
        return UInt64(number)
    }
}
