@testable import Credentials
import Foundation
import Primitives
import Testing

/// An operator's pinned JSON-LD contexts: read and checked once from a pins file, served
/// beside the bundled set, never fetched.
struct LinkedDataContextsTests {
    static let url = "https://contexts.example.org/colors/v1"
    static let context = #"{"@context": {"@version": 1.1, "@protected": true, "favoriteColor": "https://contexts.example.org/colors#favoriteColor"}}"#

    /// A directory with the context file and a pins file; `entries` replaces the pins when given.
    func pinsFile(_ entries: String? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-pins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Self.context.utf8).write(to: directory.appendingPathComponent("colors.jsonld"))
        let digest = Hex.encode(Hash.sha256(Array(Self.context.utf8)))
        let pins = entries ?? #"[{"url": "\#(Self.url)", "file": "colors.jsonld", "sha256": "\#(digest)"}]"#
        let path = directory.appendingPathComponent("pins.json").path
        try Data(pins.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a credential naming a pinned context verifies with the pins, and fails the proof check with unknownContext with the bundled set alone")
    func pinnedContextVerifies() async throws {
        let fixture = try VerifierFixture()
        let pins = try pinsFile()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: pins).deletingLastPathComponent().path) }
        let contexts = try LinkedDataContexts(pinsFile: pins)
        #expect(contexts.pinnedURLs == [Self.url])
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2", .string(Self.url)], "id": "urn:uuid:3f0b9a44-51c4-4a8e-9a0e-7c1b0e0c1a01",
            "type": ["VerifiableCredential"], "issuer": .string(fixture.issuer), "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:example:abcdefgh", "favoriteColor": "blue"]]
        let options = DataIntegrityProof.Options(cryptosuite: .eddsaRDFC2022, created: "2026-05-28T20:00:00Z",
                                                 verificationMethod: fixture.verificationMethod, proofPurpose: "assertionMethod")
        // The bundled set cannot even sign it: the context is unknown.
        #expect(throws: CredentialsError.self) { try DataIntegrity.sign(document: credential, options: options, key: .ed25519(fixture.key)) }
        let signed = try DataIntegrity.sign(document: credential, options: options, key: .ed25519(fixture.key), canonicalForm: contexts.canonicalForm)

        var pinned = fixture.verifier()
        pinned.contexts = contexts
        let verified = await pinned.verify(signed, now: VerifierFixture.now)
        #expect(verified.verified, "\(verified.json)")
        let bundled = await fixture.verifier().verify(signed, now: VerifierFixture.now)
        #expect(!bundled.verified)
        let proof = bundled.checks.first { $0.name == .proof }
        #expect(proof?.code == "unknownContext")
        #expect(proof?.reason.contains(Self.url) == true)
        // And the pinned meaning is signed: a changed claim fails.
        guard case .object(var forged) = signed else { return }
        forged["credentialSubject"] = ["id": "did:example:abcdefgh", "favoriteColor": "red"]
        #expect(await pinned.verify(.object(forged), now: VerifierFixture.now).checks.first { $0.name == .proof }?.code == "signatureMismatch")
    }

    @Test("a pins file is refused naming what is wrong: a changed file, a bundled URL, a URL twice, a missing file, a malformed entry or file")
    func badPinsRefused() throws {
        let good = Hex.encode(Hash.sha256(Array(Self.context.utf8)))
        let cases: [(pins: String, says: String)] = [
            (#"[{"url": "\#(Self.url)", "file": "colors.jsonld", "sha256": "\#(String(repeating: "0", count: 64))"}]"#, "not the pinned"),
            (#"[{"url": "https://www.w3.org/ns/credentials/v2", "file": "colors.jsonld", "sha256": "\#(good)"}]"#, "bundled and cannot be replaced"),
            (#"[{"url": "\#(Self.url)", "file": "colors.jsonld", "sha256": "\#(good)"}, {"url": "\#(Self.url)", "file": "colors.jsonld", "sha256": "\#(good)"}]"#, "twice"),
            (#"[{"url": "\#(Self.url)", "file": "missing.jsonld", "sha256": "\#(good)"}]"#, "cannot be read"),
            (#"[{"url": "\#(Self.url)", "file": "colors.jsonld"}]"#, "Entry 1"),
            (#"{"url": "\#(Self.url)"}"#, "not a JSON array"),
        ]
        for (pins, says) in cases {
            let path = try pinsFile(pins)
            defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
            let error = #expect(throws: CredentialsError.self) { try LinkedDataContexts(pinsFile: path) }
            #expect(error?.code == .invalidContextPins)
            #expect(error?.reason.contains(says) == true, "\(says): \(error?.reason ?? "")")
        }
        #expect(throws: CredentialsError.self) { try LinkedDataContexts(pinsFile: "/nonexistent/pins.json") }
    }
}
