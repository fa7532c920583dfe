import LinkedData
import Primitives
import Testing

@Suite("Bundled contexts")
struct BundledContextLoaderTests {
    static let expectedURLs = [
        "https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1",
        "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2",
        "https://www.w3.org/ns/credentials/undefined-terms/v2", "https://www.w3.org/ns/odrl.jsonld",
        "https://w3id.org/security/v1", "https://w3id.org/security/v2",
        "https://w3id.org/security/data-integrity/v1", "https://w3id.org/security/data-integrity/v2",
        "https://w3id.org/security/multikey/v1", "https://w3id.org/security/jwk/v1",
        "https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1",
        "https://w3id.org/security/suites/jws-2020/v1", "https://www.w3.org/ns/credentials/status/v1",
        "https://w3id.org/vc/status-list/2021/v1",
    ]

    @Test("the bundled set is exactly the VC, Data Integrity, Multikey, JWK, DID, security, suite and status list contexts")
    func urls() {
        #expect(BundledContextLoader.urls.sorted() == Self.expectedURLs.sorted())
    }

    @Test("every bundled context is processed without error", arguments: expectedURLs)
    func processes(url: String) throws {
        let document = JSONValue.object(JSONObject([
            ("@context", .string(url)), ("@id", .string("urn:example:subject")),
        ]))
        _ = try JSONLDProcessor().expand(document)
    }

    @Test("every bundled text is the file it was generated from (run scripts/generate-bundled-contexts.sh after a change)")
    func generatedFromFiles() throws {
        let script = try VectorFiles.specText("../../scripts/generate-bundled-contexts.sh")
        var pairs: [(String, String)] = []
        for line in script.split(separator: "\n") where line.hasPrefix("https://") {
            let parts = line.split(separator: " ")
            pairs.append((String(parts[0]), String(parts[1])))
        }
        #expect(pairs.count == Self.expectedURLs.count)
        for (url, file) in pairs {
            let fromFile = try JSONValue(parsing: try VectorFiles.specText(file))
            #expect(try BundledContextLoader().loadContext(url).document == fromFile, "\(url)")
        }
    }

    @Test("a context URL outside the set is refused with unknownContext naming it, never fetched")
    func unknown() throws {
        let document = JSONValue.object(JSONObject([
            ("@context", .array([.string("https://www.w3.org/ns/credentials/v2"), .string("https://example.com/context")])),
            ("type", .string("VerifiableCredential")),
        ]))
        do {
            _ = try JSONLDProcessor().toRDF(document)
            Issue.record("expected unknownContext")
        } catch let error as LinkedDataError {
            #expect(error.code == .unknownContext)
            #expect(error.context == "https://example.com/context")
            #expect(error.jsonLDErrorCode == "loading remote context failed")
        }
    }
}
