public import Primitives

extension OneTimeKeyRequest {
    /// The request as `POST /membership/certificates` carries it: every byte string in
    /// lower-case hex, times in milliseconds since 1970 (`specs/chain.md` §2.3).
    public var json: JSONValue {
        ["memberHandle": .string(memberHandle.description), "memberKey": .string(Hex.encode(memberKey)),
         "epoch": .number(Double(epoch)), "requestTime": .number(Double(requestTime)),
         "oneTimeKeys": .array(oneTimeKeys.map { .string(Hex.encode($0)) }), "signature": .string(Hex.encode(signature))]
    }

    /// Reads the JSON form; checks shapes and lengths only (the membership service checks the
    /// signature, the member and the epoch).
    /// - Throws: `ChainError.invalidBody` naming the first member that is missing or malformed.
    public init(json value: JSONValue) throws(ChainError) {
        guard let object = value.objectValue else { throw .invalidBody("A one-time key request is a JSON object.") }
        func bytes(_ name: String, count: Int) throws(ChainError) -> [UInt8] {
            guard let text = object[name]?.stringValue, let bytes = try? Hex.decode(text), bytes.count == count else {
                throw .invalidBody("'\(name)' must be \(count) bytes in hex.")
            }
            return bytes
        }
        func integer(_ name: String) throws(ChainError) -> UInt64 {
            guard let number = object[name]?.doubleValue, number >= 0, number < 9_007_199_254_740_992,
                  let value = UInt64(exactly: number) else {
                throw .invalidBody("'\(name)' must be a whole number from 0 to 2^53.")
            }
            return value
        }
        guard let keys = object["oneTimeKeys"]?.arrayValue, (1...MembershipService.maximumKeysPerRequest).contains(keys.count) else {
            throw .invalidBody("'oneTimeKeys' must be an array of 1 to \(MembershipService.maximumKeysPerRequest) keys.")
        }
        var oneTimeKeys: [[UInt8]] = []
        oneTimeKeys.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            // 32 bytes on a standard chain, 33 on an sm chain; the service checks the curve.
            guard let text = key.stringValue, let bytes = try? Hex.decode(text), bytes.count == 32 || bytes.count == 33 else {
                throw .invalidBody("oneTimeKeys[\(index)] must be a 32-byte BIP-340 or 33-byte SM2 key in hex.")
            }
            oneTimeKeys.append(bytes)
        }
        let handle = try bytes("memberHandle", count: 32)
        self.init(memberHandle: try MemberHandle(bytes: handle), memberKey: try bytes("memberKey", count: 33),
                  epoch: try integer("epoch"), requestTime: try integer("requestTime"), oneTimeKeys: oneTimeKeys,
                  signature: try bytes("signature", count: 64))
    }
}
