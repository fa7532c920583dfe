public import Primitives

/// The `evidence` entry that ties a credential to the Merkle root its issuer anchored on the
/// chain: the credential's position in the batch and its RFC 6962 inclusion proof.
///
/// The anchored leaf is `SHA-256(JCS(credential))` taken without `proof` and without this
/// entry, so the entry can be added after the root is known and still be signed.
public struct AnchorEvidence: Sendable, Hashable {
    /// The entry's `type`.
    public static let type = "ChanceryAnchorEvidence"

    /// The batch's Merkle root.
    public let root: [UInt8]
    /// The inclusion proof of this credential's leaf.
    public let proof: MerkleProof

    /// Creates an entry.
    public init(root: [UInt8], proof: MerkleProof) {
        self.root = root
        self.proof = proof
    }

    /// The JSON form: `{"type", "merkleRoot" (hex), "leafIndex", "treeSize", "path"}`, the
    /// path being the sibling hashes from the leaf up, concatenated, in one base64url string
    /// (one decode per verification rather than one per level).
    public var json: JSONValue {
        ["type": .string(Self.type), "merkleRoot": .string(Hex.encode(root)),
         "leafIndex": .number(Double(proof.leafIndex)), "treeSize": .number(Double(proof.treeSize)),
         "path": .string(Base64URL.encode(proof.path.flatMap { $0 }))]
    }

    /// Reads an entry.
    /// - Throws: `invalidCredential` naming the malformed member.
    public init(json: JSONObject) throws {
        func fail(_ what: String) -> CredentialsError { .invalidCredential("The \(Self.type) entry's \(what).") }
        guard let rootText = json["merkleRoot"]?.stringValue, let root = try? Hex.decode(rootText), root.count == 32 else {
            throw fail("'merkleRoot' must be 32 bytes in hex")
        }
        guard let index = json["leafIndex"]?.doubleValue, let size = json["treeSize"]?.doubleValue,
              index >= 0, size >= 1, index < size, size < 1e12, index == index.rounded(), size == size.rounded() else {
            throw fail("'leafIndex' and 'treeSize' must be whole numbers with leafIndex < treeSize")
        }
        guard let text = json["path"]?.stringValue, let bytes = try? Base64URL.decode(text), bytes.count % 32 == 0, bytes.count <= 64 * 32 else {
            throw fail("'path' must be base64url of concatenated 32-byte hashes")
        }
        let path = stride(from: 0, to: bytes.count, by: 32).map { Array(bytes[$0..<($0 + 32)]) }
        self.init(root: root, proof: MerkleProof(leafIndex: Int(index), treeSize: Int(size), path: path))
    }

    /// The credential with this entry added to its `evidence` (made an array when it held one
    /// entry of its own), as Data Integrity issuers sign it.
    public func added(to credential: JSONObject) -> JSONObject {
        var json = credential
        switch json["evidence"] {
        case .array(let entries)?: json["evidence"] = .array(entries + [self.json])
        case let single?: json["evidence"] = .array([single, self.json])
        case nil: json["evidence"] = .array([self.json])
        }
        return json
    }

    /// Whether an evidence entry is a Chancery anchor entry.
    public static func isAnchorEntry(_ entry: JSONObject) -> Bool {
        switch entry["type"] {
        case .string(let type)?: type == Self.type
        case .array(let types)?: types.contains(.string(Self.type))
        default: false
        }
    }

    /// The anchored leaf of a credential: `SHA-256(JCS(object))` with `proof` and every
    /// Chancery anchor entry removed (and `evidence` removed when nothing else remains; a
    /// single evidence object of the credential's own counted as a one-entry array).
    /// - Parameter object: the credential object (or JWT payload).
    /// - Returns: the 32-byte leaf.
    public static func leaf(of object: JSONObject) -> [UInt8] {
        var stripped = object
        stripped.removeValue(forKey: "proof")
        switch stripped["evidence"] {
        case .object(let entry)? where isAnchorEntry(entry):
            stripped.removeValue(forKey: "evidence")
        case .object(let entry)?:
            // One entry of the credential's own is hashed as a one-entry array: that is what
            // remains of it once ``added(to:)`` has put the anchor entry beside it.
            stripped["evidence"] = [.object(entry)]
        case .array(let entries)?:
            let kept = entries.filter { !($0.objectValue.map(isAnchorEntry) ?? false) }
            if kept.isEmpty { stripped.removeValue(forKey: "evidence") } else { stripped["evidence"] = .array(kept) }
        default: break
        }
        return Hash.sha256(JCS.canonicalize(.object(stripped)))
    }

    /// The payload bytes a JWT or SD-JWT issuer signs: `JCS(credential)` with the evidence
    /// member appended last, `…,"evidence":[entry]}`. Removing that member from the signed
    /// bytes gives back `JCS(credential)`, whose SHA-256 is the anchored leaf, so a verifier
    /// finds the leaf without re-canonicalising the payload.
    /// - Parameters:
    ///   - credential: the credential without evidence (or with none of its own).
    ///   - entry: this credential's evidence entry.
    /// - Returns: the payload bytes.
    public static func payloadBytes(credential: JSONObject, entry: JSONValue) -> [UInt8] {
        var bytes = JCS.canonicalize(.object(credential))
        bytes.removeLast()
        bytes += Array(#","evidence":["#.utf8) + JCS.canonicalize(entry) + Array("]}".utf8)
        return bytes
    }

    /// The leaf of signed JWT / SD-JWT payload bytes written by
    /// ``payloadBytes(credential:entry:)``: SHA-256 of the bytes with the trailing evidence
    /// member removed.
    /// - Parameters:
    ///   - payload: the signed payload bytes, already parsed as a JSON object.
    ///   - evidence: that object's parsed `evidence` member, which the trailing bytes must spell.
    /// - Returns: the leaf, or `nil` when the payload does not end with that member.
    public static func leaf(ofPayload payload: [UInt8], evidence: JSONValue) -> [UInt8]? {
        let marker = Array(#","evidence":["#.utf8)
        guard evidence.arrayValue != nil, payload.count > marker.count + 2, payload.last == UInt8(ascii: "}"),
              let start = lastIndex(of: marker, in: payload) else { return nil }
        return payload.withUnsafeBufferPointer { bytes in
            // `,"` never occurs inside a JSON string (a quote there is escaped), so the marker is a
            // member name; if its array closes just before the final brace, it is the top-level
            // object's last member, which (keys being unique) is `evidence` itself.
            guard arrayCloses(in: bytes, openingAt: start + marker.count - 1, at: bytes.count - 2) else { return nil }
            return withUnsafeBytes(of: UInt8(ascii: "}")) { brace in
                Hash.sha256(concatenating: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<start])), brace)
            }
        }
    }

    /// Whether the array opening at `open` closes at `close`. The bytes are a JSON text that
    /// was parsed already, so only strings (whose brackets do not count) need care: a scan,
    /// rather than parsing the entry a second time.
    private static func arrayCloses(in bytes: UnsafeBufferPointer<UInt8>, openingAt open: Int, at close: Int) -> Bool {
        var depth = 0, index = open, inString = false
        while index <= close {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { return index == close }
                default: break
                }
            }
            index += 1
        }
        return false
    }

    private static func lastIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index -= 1
        }
        return nil
    }
}
