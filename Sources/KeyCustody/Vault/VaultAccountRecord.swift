internal import Primitives

/// The public record of a vault account, kept by the coordinator: everything needed to find,
/// authenticate to and check the shares, and nothing secret.
struct VaultAccountRecord {
    static let format = "chancery/vault-account/v1"

    /// Which node holds which share index.
    struct Holder {
        let index: Int
        let nodeID: String
    }

    let username: String
    /// The account key's type; written as `keyType` only when it is not secp256k1, so
    /// secp256k1 records keep their bytes (`specs/custody-vault.md` §5.3).
    let keyType: KeyType
    /// `C_0 … C_{t-1}` on the sharing curve (``sharingType``); their count is the threshold.
    /// `C_0` is the account's public key for secp256k1 and SM2 keys.
    let commitments: [CustodyPublicKey]
    /// The account's public key: `C_0`, or for Ed25519 and P-256 keys (dealt over secp256k1)
    /// the key itself, which no commitment shows.
    let publicKey: CustodyPublicKey
    let salt: [UInt8]
    let parameters: Argon2id.Parameters
    /// One per share, index 1...n.
    let holders: [Holder]

    var threshold: Int { commitments.count }

    /// The curve whose group order the shares are over: SM2 keys are dealt over SM2's order,
    /// every other type over secp256k1's (an Ed25519 seed or a P-256 scalar is generated below
    /// it; `specs/custody-vault.md` §5.3).
    static func sharingType(of keyType: KeyType) -> KeyType { keyType == .sm2 ? .sm2 : .secp256k1 }

    /// The secp256k1 commitments, for ``FeldmanVSS``; empty for an SM2 account.
    var secp256k1Commitments: [Secp256k1PublicKey] {
        commitments.compactMap { if case .secp256k1(let key) = $0 { key } else { nil } }
    }

    /// The SM2 commitments, for ``SM2FeldmanVSS``; empty for a secp256k1 account.
    var sm2Commitments: [SM2PublicKey] {
        commitments.compactMap { if case .sm2(let key) = $0 { key } else { nil } }
    }

    init(username: String, publicKey: CustodyPublicKey, commitments: [CustodyPublicKey], salt: [UInt8],
         parameters: Argon2id.Parameters, holders: [Holder]) {
        self.username = username
        keyType = publicKey.keyType
        self.publicKey = publicKey
        self.commitments = commitments
        self.salt = salt
        self.parameters = parameters
        self.holders = holders
    }

    /// The file's bytes, in JCS form.
    func encoded() -> [UInt8] {
        var object: JSONObject = [
            "format": .string(Self.format), "username": .string(username),
            "publicKey": .string(Hex.encode(publicKey.compressedRepresentation)),
            "commitments": .array(commitments.map { .string(Hex.encode($0.compressedRepresentation)) }),
            "threshold": .number(Double(threshold)), "shareCount": .number(Double(holders.count)),
            "salt": .string(Hex.encode(salt)),
            "argon2id": ["opsLimit": .number(Double(parameters.opsLimit)), "memLimit": .number(Double(parameters.memLimit))],
            "nodes": .array(holders.map { ["index": .number(Double($0.index)), "node": .string($0.nodeID)] }),
        ]
        if keyType != .secp256k1 { object["keyType"] = .string(keyType.name) }
        return JCS.canonicalize(.object(object))
    }

    /// Parses a record and checks it is consistent.
    /// - Throws: `KeyCustodyError.backendFailure` naming the first problem.
    init(decoding bytes: [UInt8], what: String) throws {
        let fields = try VaultJSONFields(parsing: bytes, what: what)
        guard try fields.string("format") == Self.format else {
            throw KeyCustodyError(.backendFailure, "\(what) is not in the \(Self.format) format.")
        }
        do {
            let typeName = try fields.optionalString("keyType") ?? KeyType.secp256k1.name
            // secp256k1 records have one spelling: without the member.
            guard let keyType = KeyType(name: typeName), keyType != .secp256k1 || fields.object["keyType"] == nil else {
                throw KeyCustodyError(.backendFailure, "\(what) has an unknown keyType \"\(typeName)\".")
            }
            let sharing = Self.sharingType(of: keyType)
            let commitments = try fields.array("commitments").map { try CustodyPublicKey(type: sharing, compressed: Hex.decode($0.stringValue ?? "")) }
            let publicKey = try CustodyPublicKey(type: keyType, compressed: fields.hex("publicKey"))
            let argon2id = try fields.nested("argon2id")
            let parameters = try Argon2id.Parameters(
                opsLimit: argon2id.integer("opsLimit", in: 1...Int(UInt32.max)), memLimit: argon2id.integer("memLimit", in: 1...(1 << 52)))
            let holders = try fields.array("nodes").map { value in
                let holder = VaultJSONFields(object: value.objectValue ?? [:], what: "\(what), a member of \"nodes\",")
                return Holder(index: try holder.integer("index", in: 1...255), nodeID: try holder.string("node"))
            }
            let threshold = try fields.integer("threshold", in: 1...255), shareCount = try fields.integer("shareCount", in: 1...255)
            guard commitments.first == publicKey || (sharing != keyType && !commitments.isEmpty),
                  commitments.count == threshold, threshold <= shareCount,
                  holders.map(\.index).sorted() == Array(1...shareCount) else {
                throw KeyCustodyError(.backendFailure, "\(what) is inconsistent: its public key, commitments, threshold and nodes disagree.")
            }
            self.init(username: try fields.string("username"), publicKey: publicKey, commitments: commitments,
                      salt: try fields.hex("salt", count: Argon2id.saltLength), parameters: parameters, holders: holders)
        } catch {
            throw KeyCustodyError.corrupt(what, error)
        }
    }
}
