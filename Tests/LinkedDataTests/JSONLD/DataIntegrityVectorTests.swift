import LinkedData
import Primitives
import Testing

/// The RDFC intermediates of the W3C Data Integrity vectors in `specs/vectors/di-eddsa` and
/// `di-ecdsa` (see their SOURCES.md): the signed credential without its proof and the proof
/// configuration, through toRdf and RDFC-1.0 with the bundled contexts, give the published
/// canonical N-Quads byte for byte, and their hashes the published hashes. The `employ`
/// vectors name `https://w3id.org/citizenship/v4rc1`, outside the bundled set (no copy of it
/// among the published vectors): they are refused with `unknownContext` naming it.
@Suite("Data Integrity RDFC vectors: canonical documents and hashes")
struct DataIntegrityVectorTests {
    static let folders = [
        "di-eddsa/eddsa-rdfc-2022", "di-eddsa/Ed25519Signature2020", "di-ecdsa/ecdsa-rdfc-2019-p256",
        "di-ecdsa/ecdsa-rdfc-2019-p384",
    ]
    static let foldersNeedingOtherContexts = [
        "di-eddsa/eddsa-rdfc-2022/employ", "di-ecdsa/ecdsa-rdfc-2019-p256/employ", "di-ecdsa/ecdsa-rdfc-2019-p384/employ",
    ]
    static let processor = JSONLDProcessor()

    private func file(_ folder: String, _ prefix: String) throws -> String {
        let name = try #require(VectorFiles.specFiles(folder).first { $0.hasPrefix(prefix) })
        return try VectorFiles.specText(folder + "/" + name)
    }

    private func canonical(_ json: JSONValue) throws -> String {
        let dataset = try Self.processor.toRDF(json, options: JSONLDOptions(refuseDroppedTerms: true))
        return try RDFCanonicalizer().canonicalize(dataset).nQuads
    }

    private func hashHex(_ text: String, like expected: String) -> String {
        let algorithm: CanonicalizationHashAlgorithm = expected.count == 96 ? .sha384 : .sha256
        return Hex.encode(algorithm.digest(Array(text.utf8)))
    }

    private func trimmed(_ text: String) -> String {
        var text = text
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }

    @Test("the unsigned document canonicalizes to the published canonical N-Quads and hash", arguments: folders)
    func document(folder: String) throws {
        guard case .object(var signed) = try JSONValue(parsing: try file(folder, "signed")) else {
            Issue.record("signed document is not an object")
            return
        }
        signed.removeValue(forKey: "proof")
        let nQuads = try canonical(.object(signed))
        #expect(trimmed(nQuads) == trimmed(try file(folder, "canonDoc")))
        let expectedHash = trimmed(try file(folder, "docHash"))
        #expect(hashHex(nQuads, like: expectedHash) == expectedHash)
    }

    @Test("the proof configuration canonicalizes to the published canonical N-Quads and hash", arguments: folders)
    func proofConfiguration(folder: String) throws {
        let configuration = try JSONValue(parsing: try file(folder, "proofConfig"))
        let nQuads = try canonical(configuration)
        #expect(trimmed(nQuads) == trimmed(try file(folder, "proofCanon")))
        let expectedHash = trimmed(try file(folder, "proofHash"))
        #expect(hashHex(nQuads, like: expectedHash) == expectedHash)
    }

    @Test("a credential naming a context outside the bundled set is refused with unknownContext naming the URL",
          arguments: foldersNeedingOtherContexts)
    func unknownContext(folder: String) throws {
        let signed = try JSONValue(parsing: try file(folder, "signed"))
        do {
            _ = try Self.processor.toRDF(signed)
            Issue.record("expected unknownContext")
        } catch let error as LinkedDataError {
            #expect(error.code == .unknownContext)
            #expect(error.context == "https://w3id.org/citizenship/v4rc1")
        }
    }
}
