import DID
import Foundation

/// A resolver over a fixed set of documents that counts how often it is asked, to observe
/// what a wrapping resolver forwards.
final class StubResolver: DIDResolver, @unchecked Sendable {
    private let documents: [DID: DIDDocument]
    private let lock = NSLock()
    private var calls = 0

    init(_ dids: [String]) throws {
        documents = Dictionary(uniqueKeysWithValues: try dids.map { text in
            let did = try DID(parsing: text)
            return (did, DIDDocument(id: did))
        })
    }

    var callCount: Int { lock.withLock { calls } }

    func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult {
        lock.withLock { calls += 1 }
        guard let document = documents[did] else {
            return DIDResolutionResult(error: DIDError(.notFound))
        }
        var metadata = DIDDocumentMetadata()
        metadata.versionId = options.versionId ?? "latest"
        return DIDResolutionResult(didDocument: document, didResolutionMetadata: DIDResolutionMetadata(contentType: DIDMediaType.didLDJSON),
                                   didDocumentMetadata: metadata)
    }
}

/// A settable millisecond clock for cache expiry tests.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var milliseconds: UInt64 = 1_000_000

    var now: UInt64 { lock.withLock { milliseconds } }
    func advance(seconds: UInt64) { lock.withLock { milliseconds += seconds * 1000 } }
}
