import Chain
import Primitives
import Testing

/// `specs/audit.md` §5: the signed query's canonical form, digest and body.
struct SignedAuditRequestTests {
    @Test("a request signed by an independent implementation parses, hashes and verifies as the vector says")
    func vector() throws {
        let vector = try AuditVectors.json("audit-query")
        let chainId = try #require(vector["chainId"]?.stringValue)
        let body = Array(try #require(vector["body"]?.stringValue).utf8)
        let request = try SignedAuditRequest(body: body)
        #expect(JCS.canonicalize(.object(request.signedObject)) == Array(try #require(vector["canonicalQuery"]?.stringValue).utf8))
        #expect(Hex.encode(request.digest(chainId: chainId)) == vector["digest"]?.stringValue)
        let key = try Secp256k1PublicKey(Hex.decode(try #require(vector["auditorSigningKey"]?.stringValue)))
        #expect(key.isValidSignature(try Secp256k1ECDSASignature(compactRepresentation: request.signature),
                                     forDigest: request.digest(chainId: chainId)))
        #expect(!key.isValidSignature(try Secp256k1ECDSASignature(compactRepresentation: request.signature),
                                      forDigest: request.digest(chainId: "other-chain")))
        #expect(request.body == body)
        #expect(request.auditor == "regulator" && request.time == 1_763_712_123_456)
        #expect(request.query.scope == AuditorScope(from: 1_763_712_000_000, to: 1_763_798_400_000, types: ["did.create", "test.put"]))
    }

    @Test("each kind of query survives its body's round trip")
    func roundTrip() throws {
        let key = Secp256k1PrivateKey()
        let queries = [AuditQuery(.link(try TransactionID(bytes: Array(repeating: 1, count: 32)))),
                       AuditQuery(.trace(try MemberHandle(bytes: Array(repeating: 2, count: 32))), scope: AuditorScope(to: 5)),
                       AuditQuery(.log, scope: .all)]
        for query in queries {
            let request = try SignedAuditRequest(auditor: "a", query: query, time: 42, key: key, chainId: "c")
            #expect(try SignedAuditRequest(body: request.body) == request)
        }
    }

    @Test("a body with a member the signature does not cover, unsorted types or an unknown kind is invalidBody")
    func strictParsing() throws {
        for text in [#"{"query":{"auditor":"a","kind":"log","time":1,"extra":1},"signature":"\#(String(repeating: "A", count: 86))"}"#,
                     #"{"query":{"auditor":"a","kind":"log","time":1,"scope":{"types":["b","a"]}},"signature":"\#(String(repeating: "A", count: 86))"}"#,
                     #"{"query":{"auditor":"a","kind":"peek","time":1},"signature":"\#(String(repeating: "A", count: 86))"}"#,
                     #"{"query":{"auditor":"a","kind":"log","time":1.5},"signature":"\#(String(repeating: "A", count: 86))"}"#,
                     #"{"query":{"auditor":"a","kind":"log","time":1},"signature":"AA"}"#] {
            #expect(throws: ChainError(.invalidBody, "")) { try SignedAuditRequest(body: Array(text.utf8)) }
        }
        let valid = #"{"query":{"auditor":"a","kind":"log","time":1},"signature":"\#(String(repeating: "A", count: 86))"}"#
        #expect(try SignedAuditRequest(body: Array(valid.utf8)).query == AuditQuery(.log))
    }
}
