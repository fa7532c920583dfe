internal import Primitives

/// Reads the members of a vault JSON file or message, turning every missing or mistyped member
/// into an error (`backendFailure` for the node's own files) that names the file and the member.
struct VaultJSONFields {
    let object: JSONObject
    /// What is being read, for error reasons, e.g. "The vault share file /srv/node1/shares/ab….json".
    let what: String
    /// The code of the errors: `invalidInput` for bytes a peer sent.
    var code: KeyCustodyError.Code = .backendFailure

    init(parsing bytes: [UInt8], what: String) throws {
        guard case .object(let object)? = try? JSONValue(parsing: bytes) else {
            throw KeyCustodyError(.backendFailure, "\(what) is not a JSON object.")
        }
        self.init(object: object, what: what)
    }

    /// Parses a message from another host (§9): a JSON object of at most 64 KiB, refused with
    /// `code` otherwise.
    init(message bytes: [UInt8], what: String, code: KeyCustodyError.Code) throws {
        guard bytes.count <= 65_536, case .object(let object)? = try? JSONValue(parsing: bytes) else {
            throw KeyCustodyError(code, "\(what) is not a JSON object of at most 64 KiB.")
        }
        self.init(object: object, what: what, code: code)
    }

    init(object: JSONObject, what: String, code: KeyCustodyError.Code = .backendFailure) {
        self.object = object
        self.what = what
        self.code = code
    }

    func string(_ key: String) throws -> String {
        guard let value = object[key]?.stringValue else { throw missing(key, "a string") }
        return value
    }

    func hex(_ key: String, count: Int? = nil) throws -> [UInt8] {
        guard let bytes = try? Hex.decode(string(key)), count.map({ $0 == bytes.count }) ?? true else {
            throw missing(key, count.map { "\($0) bytes in hex" } ?? "hex")
        }
        return bytes
    }

    /// A string member that may be absent.
    func optionalString(_ key: String) throws -> String? {
        guard object[key] != nil else { return nil }
        return try string(key)
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = object[key]?.doubleValue, number == number.rounded(), abs(number) < 0x1p53,
              range.contains(Int(number)) else { throw missing(key, "an integer in \(range)") }
        return Int(number)
    }

    func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = object[key], !value.isNull else { return nil }
        return try integer(key, in: range)
    }

    func array(_ key: String) throws -> [JSONValue] {
        guard let value = object[key]?.arrayValue else { throw missing(key, "an array") }
        return value
    }

    func nested(_ key: String) throws -> VaultJSONFields {
        guard let value = object[key]?.objectValue else { throw missing(key, "an object") }
        return VaultJSONFields(object: value, what: "\(what), member \"\(key)\",", code: code)
    }

    private func missing(_ key: String, _ kind: String) -> KeyCustodyError {
        KeyCustodyError(code, "\(what) needs \"\(key)\" to be \(kind).")
    }
}
