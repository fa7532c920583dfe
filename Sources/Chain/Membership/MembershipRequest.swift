public import Primitives

/// A request to be admitted as a member, filed with a node by someone who is not yet one
/// (`specs/chain.md` §5.1): the `admitMember` action the committee will approve, the
/// applicant's long-term key (which the action's handle must hash from), a name for the
/// committee to recognise the applicant by, and the applicant's signature with that key, which
/// proves it holds the key the membership service will later trust.
///
/// The request stays with the node (the name never goes on the chain); the committee approves
/// its action with ordinary `gov.approve` transactions.
public struct MembershipRequest: Sendable, Hashable {
    /// The name the applicant gives the committee (1-64 letters, digits, `-`, `_`, `.`).
    public let name: String
    /// The applicant's long-term key.
    public let publicKey: Secp256k1PublicKey
    /// The `admitMember` action, whose handle is ``publicKey``'s.
    public let action: GovernanceAction
    /// The 64-byte ECDSA signature over ``signingDigest(name:action:chainId:)``.
    public let signature: [UInt8]

    /// Reads a request and checks that it is well formed: a valid `admitMember` action whose
    /// handle is the key's, and a name of the allowed form. The signature is checked by
    /// ``isSigned(chainId:)``, which needs the chain id.
    /// - Throws: `ChainError.invalidBody` naming what is wrong.
    public init(name: String, publicKey: Secp256k1PublicKey, action: GovernanceAction, signature: [UInt8]) throws(ChainError) {
        guard Self.isValidName(name) else {
            throw .invalidBody("A membership request's 'name' is 1-64 letters, digits, '-', '_' or '.'.")
        }
        guard action.kind == "admitMember" else {
            throw .invalidBody("A membership request carries an 'admitMember' action, not '\(action.kind)'.")
        }
        let record = try MemberRecord(admission: action)
        guard record.handle == MemberHandle(publicKey: publicKey).description else {
            throw .invalidBody("The action's handle is not the hash of the request's public key.")
        }
        guard signature.count == 64 else { throw .invalidBody("A membership request's signature is 64 bytes (r‖s).") }
        self.name = name
        self.publicKey = publicKey
        self.action = action
        self.signature = signature
    }

    /// The member handle the request asks to admit.
    public var handle: MemberHandle { MemberHandle(publicKey: publicKey) }

    /// Whether `name` has the form an account name has.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// The digest the applicant signs: `TH("chancery/membership-request/v1", str chainId ‖
    /// str name ‖ bytes JCS(action))`. The chain id keeps a request from being filed on another
    /// chain; the name is covered so a node cannot show the committee another one.
    public static func signingDigest(name: String, action: GovernanceAction, chainId: String) -> [UInt8] {
        var writer = ByteWriter(capacity: 256)
        writer.string(chainId)
        writer.string(name)
        writer.bytes(action.canonicalBytes)
        return BIP340TaggedHash.hash(tag: "chancery/membership-request/v1", writer.bytes)
    }

    /// Whether the signature is the applicant key's over this request on `chainId`.
    public func isSigned(chainId: String) -> Bool {
        guard let signature = try? Secp256k1ECDSASignature(compactRepresentation: signature) else { return false }
        return publicKey.isValidSignature(signature, forDigest: Self.signingDigest(name: name, action: action, chainId: chainId))
    }

    /// The request as JSON (`POST /membership/requests`).
    public var json: JSONValue {
        ["name": .string(name), "publicKey": .string(Hex.encode(publicKey.compressedRepresentation)),
         "action": .object(action.object), "signature": .string(Base64URL.encode(signature))]
    }

    /// Reads a request from its JSON form.
    /// - Throws: `ChainError.invalidBody` naming the member that is missing or malformed.
    public init(json: JSONValue) throws(ChainError) {
        guard let object = json.objectValue else { throw .invalidBody("A membership request is a JSON object.") }
        guard let keyText = object["publicKey"]?.stringValue, let keyBytes = try? Hex.decode(keyText),
              let publicKey = try? Secp256k1PublicKey(keyBytes) else {
            throw .invalidBody("A membership request needs 'publicKey': the applicant's secp256k1 key in hex.")
        }
        guard let actionJSON = object["action"] else { throw .invalidBody("A membership request needs its 'action'.") }
        guard let signatureText = object["signature"]?.stringValue, let signature = try? Base64URL.decode(signatureText) else {
            throw .invalidBody("A membership request needs 'signature': 64 bytes in base64url.")
        }
        try self.init(name: object["name"]?.stringValue ?? "", publicKey: publicKey, action: try GovernanceAction(json: actionJSON),
                      signature: signature)
    }
}
