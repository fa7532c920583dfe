package import Primitives
internal import LinkedData

/// The RDFC transformation of the Data Integrity RDFC suites (W3C vc-di-eddsa §3.2.3,
/// vc-di-ecdsa §3.3.3): a JSON-LD document deserialized to RDF with the bundled contexts and
/// canonicalized with RDFC-1.0, as canonical N-Quads bytes.
///
/// A document one of whose members would be dropped by expansion is refused, naming the
/// member, rather than signed or verified without it.
package enum RDFCanonicalForm {
    /// One processor for the process: it caches the contexts it has processed (the VC, Data
    /// Integrity and suite contexts), so they are parsed and processed once, not per proof.
    static let processor = JSONLDProcessor()
    static let options = JSONLDOptions(refuseDroppedTerms: true)
    static let canonicalizer = RDFCanonicalizer()

    /// The canonical N-Quads of `document`.
    /// - Parameter document: A JSON-LD document (a credential without its proof, or proof options).
    /// - Returns: The UTF-8 canonical N-Quads.
    /// - Throws: `CredentialsError` `droppedTerm` naming the first undefined member,
    ///   `unknownContext` naming a context outside the bundled set, `invalidJSONLD` otherwise.
    package static func nQuads(of document: JSONObject) throws -> [UInt8] {
        do {
            let dataset = try processor.toRDF(.object(document), options: options)
            return Array(try canonicalizer.canonicalize(dataset).nQuads.utf8)
        } catch let error as LinkedDataError {
            throw CredentialsError(linkedData: error)
        }
    }
}
