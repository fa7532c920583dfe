package import Primitives
internal import LinkedData

/// The RDFC transformation of the Data Integrity RDFC suites (W3C vc-di-eddsa §3.2.3,
/// vc-di-ecdsa §3.3.3): a JSON-LD document deserialized to RDF with the bundled contexts and
/// canonicalized with RDFC-1.0, as canonical N-Quads bytes.
///
/// A document one of whose members would be dropped by expansion is refused, naming the
/// member, rather than signed or verified without it.
package final class RDFCanonicalForm: Sendable {
    /// The bundled contexts alone: one for the process, so the contexts it has processed (the
    /// VC, Data Integrity and suite contexts) are parsed and processed once, not per proof.
    package static let bundled = RDFCanonicalForm(loader: BundledContextLoader())

    let processor: JSONLDProcessor
    let options = JSONLDOptions(refuseDroppedTerms: true)
    let canonicalizer = RDFCanonicalizer()
    /// Canonical proof configurations by their JSON text: an issuer's proofs differ only in
    /// `created` (often not even that), so most verifications skip this half of the work. Per
    /// instance, since the text's meaning depends on the contexts the loader serves.
    private let configurations = CanonicalFormCache(capacity: 4_096)

    /// A canonical form over the contexts `loader` serves (never fetched).
    init(loader: any ContextLoader) {
        processor = JSONLDProcessor(loader: loader)
    }

    /// The canonical N-Quads of `document`.
    /// - Parameter document: A JSON-LD document (a credential without its proof, or proof options).
    /// - Returns: The UTF-8 canonical N-Quads.
    /// - Throws: `CredentialsError` `droppedTerm` naming the first undefined member,
    ///   `unknownContext` naming a context outside the bundled set, `invalidJSONLD` otherwise.
    package func nQuads(of document: JSONObject) throws -> [UInt8] {
        do {
            let dataset = try processor.toRDF(.object(document), options: options)
            return Array(try canonicalizer.canonicalize(dataset).nQuads.utf8)
        } catch let error as LinkedDataError {
            throw CredentialsError(linkedData: error)
        }
    }

    /// The canonical N-Quads of proof options, remembered by their serialized JSON (the output
    /// is a function of that text alone; failures are not remembered).
    /// - Parameter options: The proof options, with `@context` and without the signature.
    /// - Returns: The UTF-8 canonical N-Quads.
    /// - Throws: As ``nQuads(of:)``.
    package func proofConfiguration(_ options: JSONObject) throws -> [UInt8] {
        let key = JSONValue.object(options).serialized()
        if let cached = configurations[key] { return cached }
        let canonical = try nQuads(of: options)
        configurations[key] = canonical
        return canonical
    }
}

/// A bounded map from serialized JSON to canonical bytes, safe to share between tasks; emptied
/// when full (a verifier sees few distinct proof configurations).
private final class CanonicalFormCache: @unchecked Sendable {
    private let lock = AdaptiveLock()
    private var entries: [[UInt8]: [UInt8]] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    subscript(key: [UInt8]) -> [UInt8]? {
        get { lock.withLock { entries[key] } }
        set {
            lock.withLock {
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}
