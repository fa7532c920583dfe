import Credentials
import Foundation
import Primitives
import Testing

/// The verifier cases of w3c-ccg/vc-api-verifier-test-suite at
/// 41541eeb9c31215d32403f4fe32bb441fbbf141e against `POST /credentials/verify` of a running
/// node, over a real socket: the 18 cases of `tests/10-vc-di.js` and 12 of the 18 of
/// `tests/11-vc-jwt.js` (the others are about a `proof` object, which a JWT has not), with the request body of
/// `createRequestBody` (`{"verifiableCredential", "options": {"checks": ["proof"]}}`), each
/// malformed variant made as the suite makes it (a member deleted, or set to each listed value;
/// JavaScript's `undefined` drops a member, and `[undefined]` is `[null]` in JSON).
///
/// The suite's credential, `ed25519Vector` of `tests/vectors.js` (copied to
/// `specs/vectors/vc-api-verifier-suite/`), is signed by a did:key whose controller is not its
/// issuer, `https://vc.example/issuers/5678`; Chancery refuses it (422, `issuerNotDID`) with its
/// proof check passed, which the first test pins. The suite's cases run on the same credential
/// with the did:key as its issuer, signed again with the published key of that did:key
/// (vc-di-eddsa's `keyPair.json`, `specs/vectors/di-eddsa/`) with the same proof options.
struct VCAPIVerifierSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("specs/vectors")

    /// The suite's `ed25519Vector`.
    static func vector() throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("vc-api-verifier-suite/ed25519-vector.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The private key of the vector's did:key (vc-di-eddsa's published pair).
    static func vectorKey() throws -> Ed25519PrivateKey {
        let pair = try JSONValue(parsing: Array(Data(contentsOf: folder.appendingPathComponent("di-eddsa/keyPair.json"))))
        let (codec, seed) = try Multicodec.split(try Multibase.decode(try #require(pair["privateKeyMultibase"]?.stringValue), expecting: .base58BTC))
        #expect(codec == .ed25519Priv)
        return try Ed25519PrivateKey(seed: SecureBytes(seed))
    }

    /// The vector's verification method and its DID.
    static func vectorMethod() throws -> (method: String, did: String) {
        let method = try #require((try vector()["proof"] as? [String: Any])?["verificationMethod"] as? String)
        return (method, String(method.prefix(upTo: try #require(method.firstIndex(of: "#")))))
    }

    /// The vector with its did:key as issuer, signed with that key as the vector was.
    static func validVC() throws -> [String: Any] {
        var credential = try vector()
        let proof = try #require(credential.removeValue(forKey: "proof") as? [String: Any])
        let (method, did) = try vectorMethod()
        credential["issuer"] = did
        let options = DataIntegrityProof.Options(cryptosuite: .ed25519Signature2020, created: proof["created"] as? String, verificationMethod: method)
        let signed = try DataIntegrity.sign(document: try JSONValue(parsing: Array(JSONSerialization.data(withJSONObject: credential))),
                                            options: options, key: try vectorKey())
        return try #require(try JSONSerialization.jsonObject(with: Data(signed.serialized())) as? [String: Any])
    }

    /// `11-vc-jwt.js`'s credential: `mock-data/vc.js` given an id and the issuer as
    /// `createInitialVc` does, secured by a JWT issuer (here the did:key, in the VC DM 1.1
    /// `vc`-claim form its VC 1.1 context calls for): the JWT's header, payload and signature.
    static func jwtParts() async throws -> (header: String, payload: [String: Any], signature: String, token: String) {
        let data = try Data(contentsOf: folder.appendingPathComponent("vc-api-verifier-suite/mock-vc.json"))
        var credential = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let (method, did) = try vectorMethod()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        credential["id"] = id
        credential["issuer"] = did
        credential["issuanceDate"] = "2025-01-01T00:00:00Z"
        let subject = try #require((credential["credentialSubject"] as? [String: Any])?["id"] as? String)
        let payload: [String: Any] = ["iss": did, "jti": id, "sub": subject, "nbf": 1_735_689_600, "vc": credential]
        let signer = PrivateKeySigner(key: .ed25519(try vectorKey()), verificationMethod: method)
        let token = try await CompactJWS.sign(header: ["typ": "JWT"], payload: Array(JSONSerialization.data(withJSONObject: payload)), signer: signer)
        let parts = token.split(separator: ".").map(String.init)
        return (parts[0], payload, parts[2], token)
    }

    /// A JWT with `payload` under the original header and signature.
    static func token(_ parts: (header: String, payload: [String: Any], signature: String, token: String), payload: [String: Any]) throws -> String {
        [parts.header, Base64URL.encode(Array(try JSONSerialization.data(withJSONObject: payload))), parts.signature].joined(separator: ".")
    }

    /// The suite's `createRequestBody`, POSTed: the status and the answer.
    static func verify(_ node: RunningNode, _ credential: Any) async throws -> (status: Int, body: [String: Any]) {
        let answer = try await NodeCredentialEndpointTests.post(node.url.appendingPathComponent("credentials/verify"),
                                                                ["verifiableCredential": credential, "options": ["checks": ["proof"]]])
        return (answer.status, answer.body)
    }

    static func check(_ body: [String: Any], _ name: String) -> [String: Any]? {
        (body["checks"] as? [[String: Any]])?.first { $0["check"] as? String == name }
    }

    @Test("vc-api-verifier-test-suite: the valid credential verifies (200) and each malformed one is refused with 400 or 422, secured by Data Integrity and as a JWT")
    func dataIntegritySuite() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [])
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }

        // The vector as the suite has it: a sound signature by a key that is not the issuer's.
        let verbatim = try await Self.verify(node, try Self.vector())
        #expect(verbatim.status == 422 && verbatim.body["verified"] as? Bool == false, "\(verbatim.body)")
        #expect(Self.check(verbatim.body, "proof")?["outcome"] as? String == "passed", "\(verbatim.body)")
        #expect(Self.check(verbatim.body, "issuer")?["code"] as? String == "issuerNotDID", "\(verbatim.body)")

        let valid = try Self.validVC()
        var covered: [String] = []
        // "MUST verify a valid VC."
        let verified = try await Self.verify(node, valid)
        #expect(verified.status == 200 && verified.body["verified"] as? Bool == true, "\(verified.body)")
        #expect(Self.check(verified.body, "proof")?["outcome"] as? String == "passed" && Self.check(verified.body, "issuer")?["outcome"] as? String == "passed")
        covered.append("MUST verify a valid VC.")

        /// `testBadRequestError`: no result, an error status of 400 or 422; and `verified: false`.
        func refused(_ title: String, _ variants: [[String: Any]]) async throws {
            for credential in variants {
                let answer = try await Self.verify(node, credential)
                #expect([400, 422].contains(answer.status) && answer.body["verified"] as? Bool == false,
                        "\(title) \(credential): \(answer.status) \(answer.body)")
            }
            covered.append(title)
        }
        func without(_ member: String) -> [String: Any] {
            var copy = valid
            copy.removeValue(forKey: member)
            return copy
        }
        func withoutProof(_ member: String) -> [String: Any] {
            var copy = valid, proof = valid["proof"] as? [String: Any] ?? [:]
            proof.removeValue(forKey: member)
            copy["proof"] = proof
            return copy
        }
        /// The member set to each value; `nil` stands for `undefined` (the member dropped).
        func setting(_ member: String, _ values: [Any?]) -> [[String: Any]] {
            values.map { value in
                var copy = valid
                copy[member] = value
                return copy
            }
        }
        let null = NSNull()
        try await refused("MUST not verify if \"@context\" property is missing.", [without("@context")])
        try await refused("MUST not verify if \"type\" property is missing.", [without("type")])
        try await refused("MUST not verify if \"issuer\" property is missing.", [without("issuer")])
        try await refused("MUST not verify if \"credentialSubject\" property is missing.", [without("credentialSubject")])
        try await refused("MUST not verify if \"proof\" property is missing.", [without("proof")])
        for member in ["type", "created", "verificationMethod", "proofValue", "proofPurpose"] {
            try await refused("MUST not verify if \"proof.\(member)\" property is missing.", [withoutProof(member)])
        }
        try await refused("MUST not verify if \"@context\" is not an array.", setting("@context", ["string", [String: Any](), null, nil, 10, true]))
        try await refused("MUST not verify if \"@context\" items are not strings or objects.",
                          setting("@context", [[[Any]()], [null], [null], [10], [true]]))
        try await refused("MUST not verify if \"type\" is not an array.", setting("type", ["string", [String: Any](), null, nil, 10, true]))
        try await refused("MUST not verify if \"type\" items are not strings.",
                          setting("type", [[[Any]()], [[String: Any]()], [null], [null], [10], [true]]))
        try await refused("MUST not verify if \"issuer\" is not an object or a string.", setting("issuer", [[Any](), null, nil, 10, true]))
        try await refused("MUST not verify if \"credentialSubject\" is not an object.",
                          setting("credentialSubject", ["string", null, nil, 10, true, [Any]()]))
        try await refused("MUST not verify if \"proof\" is not an object.", setting("proof", ["string", null, nil, 10, true, [Any]()]))
        #expect(covered.count == 18 && Set(covered).count == 18, "\(covered.count)")

        // 11-vc-jwt.js: the same cases on a VC-JWT. The members are those of the credential the
        // JWT carries (its `vc` claim), changed under the issuer's signature; a JWT has no
        // `proof` object, so the six `proof.*` and `proof` is-not-an-object cases do not apply,
        // and "proof missing" is the token without its signature.
        let jwt = try await Self.jwtParts()
        var coveredJWT: [String] = []
        let issuedJWT = try await Self.verify(node, jwt.token)
        #expect(issuedJWT.status == 200 && issuedJWT.body["verified"] as? Bool == true, "\(issuedJWT.body)")
        coveredJWT.append("MUST verify a valid VC.")
        func refusedJWT(_ title: String, _ member: String, _ values: [Any?]) async throws {
            for value in values {
                var payload = jwt.payload, vc = jwt.payload["vc"] as? [String: Any] ?? [:]
                vc[member] = value
                payload["vc"] = vc
                let answer = try await Self.verify(node, try Self.token(jwt, payload: payload))
                #expect([400, 422].contains(answer.status) && answer.body["verified"] as? Bool == false,
                        "JWT \(title) \(String(describing: value)): \(answer.status) \(answer.body)")
            }
            coveredJWT.append(title)
        }
        try await refusedJWT("MUST not verify if \"@context\" property is missing.", "@context", [nil])
        try await refusedJWT("MUST not verify if \"type\" property is missing.", "type", [nil])
        try await refusedJWT("MUST not verify if \"issuer\" property is missing.", "issuer", [nil])
        try await refusedJWT("MUST not verify if \"credentialSubject\" property is missing.", "credentialSubject", [nil])
        let unsignedAnswer = try await Self.verify(node, String(jwt.token.dropLast(jwt.signature.count)))
        #expect([400, 422].contains(unsignedAnswer.status) && unsignedAnswer.body["verified"] as? Bool == false, "\(unsignedAnswer.body)")
        coveredJWT.append("MUST not verify if \"proof\" property is missing.")
        try await refusedJWT("MUST not verify if \"@context\" is not an array.", "@context", ["string", [String: Any](), null, nil, 10, true])
        try await refusedJWT("MUST not verify if \"@context\" items are not strings or objects.", "@context", [[[Any]()], [null], [null], [10], [true]])
        try await refusedJWT("MUST not verify if \"type\" is not an array.", "type", ["string", [String: Any](), null, nil, 10, true])
        try await refusedJWT("MUST not verify if \"type\" items are not strings.", "type", [[[Any]()], [[String: Any]()], [null], [null], [10], [true]])
        try await refusedJWT("MUST not verify if \"issuer\" is not an object or a string.", "issuer", [[Any](), null, nil, 10, true])
        try await refusedJWT("MUST not verify if \"credentialSubject\" is not an object.", "credentialSubject", ["string", null, nil, 10, true, [Any]()])
        #expect(coveredJWT.count == 12 && Set(coveredJWT).count == 12, "\(coveredJWT.count)")
    }
}
