/// A resolver that routes each DID to the resolver registered for its method name.
///
/// ```swift
/// let resolver = CompositeResolver(["key": DIDKey.Resolver(), "chancery": chainResolver])
/// await resolver.resolve(parsing: "did:web:example.com")   // error: methodNotSupported
/// ```
public struct CompositeResolver: DIDResolver {
    private let resolvers: [String: any DIDResolver]

    /// Makes a resolver over per-method resolvers.
    /// - Parameter resolvers: the resolver for each method name (`"key"`, `"chancery"`).
    public init(_ resolvers: [String: any DIDResolver]) {
        self.resolvers = resolvers
    }

    /// The method names this resolver handles, sorted.
    public var methods: [String] { resolvers.keys.sorted() }

    /// Resolves `did` through its method's resolver.
    /// - Parameters:
    ///   - did: the DID to resolve.
    ///   - options: passed on to the method's resolver.
    /// - Returns: that resolver's result; `representationNotSupported` when no accepted media
    ///   type is produced here, `methodNotSupported` when no resolver handles the method.
    public func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult {
        guard DIDMediaType.negotiate(options.accept) != nil else {
            return DIDResolutionResult(error: DIDError(.representationNotSupported,
                "None of the accepted media types (\(options.accept ?? "")) is a DID document or resolution result type."))
        }
        guard let resolver = resolvers[did.method] else {
            return DIDResolutionResult(error: DIDError(.methodNotSupported, "The DID method '\(did.method)' is not supported here."))
        }
        return await resolver.resolve(did, options: options)
    }
}
