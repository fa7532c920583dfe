import Primitives

extension Keystore {
    /// Parses the bytes of a keystore file.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: names the file in error reasons.
    /// - Throws: `KeyCustodyError.backendFailure`, naming the file, for anything but a
    ///   well-formed version 1 keystore.
    init(parsing bytes: [UInt8], path: String) throws {
        let failure = { @Sendable (detail: String) in KeyCustodyError.corruptKeystore(path, detail) }
        guard let value = try? JSONValue(parsing: bytes) else {
            throw failure(bytes.isEmpty ? "it is empty" : "it is not well-formed JSON (truncated or damaged?)")
        }
        // The version comes first: a later version may have other members.
        if let version = value["version"]?.doubleValue, version != Double(Self.version) {
            throw KeyCustodyError.corruptKeystore(
                path, "it is version \(JSONValue.number(version)) and this program reads version \(Self.version)",
                remedy: version > Double(Self.version) ? "open it with a newer Chancery" : "restore it from a backup")
        }
        let json = try StrictJSONObject(value, members: Self.members, context: "the file", failure: failure)
        guard try json.string("format") == Self.format else { throw failure("its format is not \(Self.format)") }
        _ = try json.integer("version", in: Self.version...Self.version)
        kdf = try KeystoreKDF(json.object("kdf", members: KeystoreKDF.members), failure: failure)
        passwordCheck = try json.hex("passwordCheck", count: XChaCha20Poly1305.overhead)
        var names: Set<String> = []
        entries = try json.array("keys").enumerated().map { index, element in
            let entryJSON = try StrictJSONObject(element, members: KeystoreEntry.members(of: element), context: "key \(index + 1)", failure: failure)
            let entry = try KeystoreEntry(entryJSON, failure: failure)
            guard names.insert(entry.name).inserted else { throw failure("two keys are named \"\(entry.name)\"") }
            return entry
        }
    }

    /// The file's content: indented JSON with a final newline.
    func serialized() -> [UInt8] {
        let json = JSONValue.object(JSONObject([
            ("format", .string(Self.format)),
            ("version", .number(Double(Self.version))),
            ("kdf", kdf.json),
            ("passwordCheck", .string(Hex.encode(passwordCheck))),
            ("keys", .array(entries.map(\.json))),
        ]))
        return Array(json.prettyPrinted().utf8) + [UInt8(ascii: "\n")]
    }
}
