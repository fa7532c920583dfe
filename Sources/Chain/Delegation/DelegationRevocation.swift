public import KeyCustody
public import Primitives

/// The body of a `delegation.revoke` transaction: the delegator's signed
/// `{"revocation": {"id": "<hex>", "time": <ms>}, "signature": "<base64url r‖s>"}`, by the key
/// that signed the grant.
public struct DelegationRevocation: Sendable, Hashable {
    /// The delegation revoked.
    public let id: DelegationID
    /// When the delegator revoked it, milliseconds since 1970.
    public let time: UInt64
    /// 64 bytes, low S, by the delegation's `delegatorKey`.
    public let signature: [UInt8]

    /// Wraps a revocation signed elsewhere.
    public init(id: DelegationID, time: UInt64, signature: [UInt8]) {
        self.id = id
        self.time = time
        self.signature = signature
    }

    /// Signs a revocation through the delegator's custodian.
    /// - Throws: the custodian's errors.
    public static func signed(_ id: DelegationID, time: UInt64, chainId: String, custodian: any KeyCustodian,
                              key: KeyReference) async throws -> DelegationRevocation {
        let signature = try await custodian.sign(digest: digest(id: id, time: time, chainId: chainId), with: key)
        return DelegationRevocation(id: id, time: time, signature: signature.compactRepresentation)
    }

    /// The digest the delegator signs:
    /// `TH("chancery/delegation-revoke/v1", str chainId ‖ bytes JCS(revocation))`.
    public static func digest(id: DelegationID, time: UInt64, chainId: String) -> [UInt8] {
        var writer = ByteWriter(capacity: 160)
        writer.string(chainId)
        writer.bytes(JCS.canonicalize(object(id: id, time: time)))
        return BIP340TaggedHash.hash(tag: "chancery/delegation-revoke/v1", writer.bytes)
    }

    /// The JCS JSON body.
    public var body: [UInt8] {
        JCS.canonicalize(["revocation": Self.object(id: id, time: time), "signature": .string(Base64URL.encode(signature))])
    }

    /// Parses a body strictly.
    /// - Throws: `ChainError.invalidBody` naming what is wrong.
    public init(body: [UInt8]) throws(ChainError) {
        let (member, signature) = try DelegationBody.parse(body, member: "revocation")
        guard let object = member.objectValue, Set(object.keys) == ["id", "time"], let idText = object["id"]?.stringValue,
              let time = object["time"]?.doubleValue, time >= 0, time <= 9_007_199_254_740_992, time == time.rounded() else {
            throw .invalidBody("A revocation holds exactly 'id' (64 hex digits) and 'time' (whole milliseconds).")
        }
        id = try DelegationID(hex: idText)
        self.time = UInt64(time)
        self.signature = signature
    }

    private static func object(id: DelegationID, time: UInt64) -> JSONValue {
        ["id": .string(id.description), "time": .number(Double(time))]
    }
}
