import Foundation
import LinkedData
import Primitives
import Testing

@Suite("Operator contexts pinned by SHA-256")
struct PinnedContextLoaderTests {
    static let url = "https://contexts.example/citizenship/v1"
    static let text = #"{"@context": {"@protected": true, "givenName": "https://schema.org/givenName"}}"#

    /// A fresh directory holding the context file.
    private func directory() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pinned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.text.utf8).write(to: folder.appendingPathComponent("citizenship.jsonld"))
        return folder.path
    }

    private var document: JSONValue {
        get throws {
            try JSONValue(parsing: """
                {"@context": ["https://www.w3.org/ns/credentials/v2", "\(Self.url)"], "type": ["VerifiableCredential"],
                 "issuer": "did:example:issuer", "credentialSubject": {"givenName": "Ada"}}
                """)
        }
    }

    @Test("a pinned file whose SHA-256 matches extends the bundled set")
    func pinned() throws {
        let pin = PinnedContextLoader.Pin(url: Self.url, file: "citizenship.jsonld",
                                          sha256: Hex.encode(Hash.sha256(Array(Self.text.utf8))))
        let processor = JSONLDProcessor(loader: try PinnedContextLoader(directory: try directory(), pins: [pin]))
        let nQuads = try processor.toRDF(try document, options: JSONLDOptions(refuseDroppedTerms: true)).nQuads()
        #expect(nQuads.contains("<https://schema.org/givenName> \"Ada\""))
    }

    @Test("a file that does not have its pinned SHA-256 is refused when the loader is created")
    func mismatch() throws {
        let pin = PinnedContextLoader.Pin(url: Self.url, file: "citizenship.jsonld", sha256: String(repeating: "0", count: 64))
        do {
            _ = try PinnedContextLoader(directory: try directory(), pins: [pin])
            Issue.record("expected invalidContextFile")
        } catch let error as LinkedDataError {
            #expect(error.code == .invalidContextFile)
            #expect(error.context == Self.url)
        }
    }

    @Test("URLs neither pinned nor bundled are still refused with unknownContext")
    func unknown() throws {
        let processor = JSONLDProcessor(loader: try PinnedContextLoader(directory: try directory(), pins: []))
        #expect(throws: LinkedDataError.unknownContext("")) { try processor.toRDF(try document) }
    }
}
