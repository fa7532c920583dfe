/// Something that turns a DID into its document and metadata (W3C DID Resolution §4,
/// "resolve"). Failures are results carrying an error code, never thrown, so a caller always
/// gets metadata to report.
///
/// ```swift
/// let resolver = CompositeResolver(["key": DIDKey.Resolver()])
/// let result = await resolver.resolve(parsing: "did:key:z6Mk…")
/// if let document = result.didDocument { … } else { print(result.didResolutionMetadata.error!) }
/// ```
public protocol DIDResolver: Sendable {
    /// Resolves `did`.
    /// - Parameters:
    ///   - did: the DID to resolve.
    ///   - options: the requested representation and version.
    /// - Returns: the document and metadata, or a result whose `didResolutionMetadata.error`
    ///   says why there is none.
    func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult
}

extension DIDResolver {
    /// Resolves `did` with default options: the latest version as `application/did+ld+json`.
    /// - Parameter did: the DID to resolve.
    /// - Returns: the resolution result.
    public func resolve(_ did: DID) async -> DIDResolutionResult {
        await resolve(did, options: DIDResolutionOptions())
    }

    /// Resolves DID text that has not been parsed yet, so bad syntax becomes an `invalidDid`
    /// result like any other failure (as an HTTP resolver needs).
    /// - Parameters:
    ///   - text: the DID as text; a DID URL is refused.
    ///   - options: the requested representation and version.
    /// - Returns: the resolution result, with error `invalidDid` when `text` is not a DID.
    public func resolve(parsing text: String, options: DIDResolutionOptions = DIDResolutionOptions()) async -> DIDResolutionResult {
        let did: DID
        do { did = try DID(parsing: text) } catch {
            return DIDResolutionResult(error: error as? DIDError ?? DIDError.invalidDID("\(error)"))
        }
        return await resolve(did, options: options)
    }
}
