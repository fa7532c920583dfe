public import Primitives

extension CompactJWS {
    /// Signs `payload` into a compact JWS.
    ///
    /// The header is written `alg` first, then `kid` (the signer's verification method, left
    /// out when it is empty), then the caller's members in order; `alg` and `kid` given by the
    /// caller are replaced, so the header always names the key that signed.
    /// - Parameters:
    ///   - header: further header members, such as `typ`.
    ///   - payload: the payload bytes, encoded as they are.
    ///   - signer: the key that signs.
    /// - Returns: the compact serialization.
    /// - Throws: the signer's error.
    public static func sign(header: JSONObject, payload: [UInt8], signer: any CredentialSigner) async throws -> String {
        var members: [(String, JSONValue)] = [("alg", .string(JWSAlgorithm(key: signer.publicKey).rawValue))]
        if !signer.verificationMethod.isEmpty {
            members.append(("kid", .string(signer.verificationMethod)))
        }
        members += header.filter { $0.key != "alg" && $0.key != "kid" }.map { ($0.key, $0.value) }
        let input = Base64URL.encode(JSONValue.object(JSONObject(members)).serialized()) + "." + Base64URL.encode(payload)
        let signature = try await signer.sign(Array(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }
}
