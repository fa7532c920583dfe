internal import Primitives

/// The JSON file a vault node keeps per account: the sealed share, the failed-attempt counter
/// and the lock, with a MAC under the node's secret so that any alteration (a reset counter, a
/// swapped share) is detected rather than taken for a wrong password.
struct VaultShareFile {
    static let format = "chancery/vault-share/v1"
    /// nonce ‖ ciphertext ‖ tag of the 33-byte share encoding.
    static var sealedLength: Int { 33 + XChaCha20Poly1305.overhead }

    let account: String
    let index: Int
    let sealedShare: [UInt8]
    var failedAttempts: Int
    /// Unix seconds until which attempts are refused, or `nil`.
    var lockedUntil: Int?

    init(account: String, index: Int, sealedShare: [UInt8], failedAttempts: Int = 0, lockedUntil: Int? = nil) {
        self.account = account
        self.index = index
        self.sealedShare = sealedShare
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }

    /// What the AEAD authenticates with the share, so a sealed share cannot be moved to another
    /// account or index: the JCS form of `{"account", "format", "index"}`.
    var associatedData: [UInt8] { Self.associatedData(account: account, index: index) }

    static func associatedData(account: String, index: Int) -> [UInt8] {
        JCS.canonicalize(["account": .string(account), "format": .string(format), "index": .number(Double(index))])
    }

    /// The file's bytes: the JCS form of the members below plus `mac`.
    func encoded(macKey: SecureBytes) -> [UInt8] {
        var object = body
        object["mac"] = .string(Hex.encode(Self.mac(of: body, key: macKey)))
        return JCS.canonicalize(.object(object))
    }

    /// Parses and authenticates a file.
    /// - Throws: `KeyCustodyError.backendFailure` when it is not a share file of this format or
    ///   its MAC does not verify under `macKey`.
    init(decoding bytes: [UInt8], macKey: SecureBytes, what: String) throws {
        let fields = try VaultJSONFields(parsing: bytes, what: what)
        var body = fields.object
        let mac = try fields.hex("mac", count: 32)
        body["mac"] = nil
        guard SecureBytes(mac) == SecureBytes(Self.mac(of: body, key: macKey)) else {
            throw KeyCustodyError(.backendFailure, "\(what) fails its integrity check: it was altered or written by another node.")
        }
        guard try fields.string("format") == Self.format else {
            throw KeyCustodyError(.backendFailure, "\(what) is not in the \(Self.format) format.")
        }
        self.init(
            account: try fields.string("account"), index: try fields.integer("index", in: 1...255),
            sealedShare: try fields.hex("sealedShare", count: Self.sealedLength),
            failedAttempts: try fields.integer("failedAttempts", in: 0...Int(Int32.max)),
            lockedUntil: try fields.optionalInteger("lockedUntil", in: 0...(1 << 52)))
    }

    private var body: JSONObject {
        [
            "format": .string(Self.format), "account": .string(account), "index": .number(Double(index)),
            "sealedShare": .string(Hex.encode(sealedShare)), "failedAttempts": .number(Double(failedAttempts)),
            "lockedUntil": lockedUntil.map { .number(Double($0)) } ?? .null,
        ]
    }

    /// `BLAKE2b-256(key: macKey, JCS(body))`.
    private static func mac(of body: JSONObject, key: SecureBytes) -> [UInt8] {
        VaultKeyDerivation.mac(JCS.canonicalize(.object(body)), key: key)
    }
}
