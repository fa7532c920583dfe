import Node
import ArgumentParser
import Chain
import DID
import Foundation
import Primitives

/// `didctl did resolve DID`: prints the W3C DID resolution result (document and metadata).
/// A deactivated DID resolves (with `deactivated: true`); any resolution error exits 1.
struct DIDResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Print the DID resolution result of a did:chancery DID of this chain or a did:key DID.",
        discussion: "did:key DIDs resolve without a chain; did:chancery DIDs are read from the data directory's ledger, or with --node URL from a running node's GET /1.0/identifiers.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The DID to resolve.")
    var did: String

    @Option(name: .customLong("version-id"), help: "Resolve this version (1 is the document as created).")
    var versionId: String?

    @Option(name: .customLong("version-time"), help: "Resolve the version current at this RFC 3339 time, such as 2025-01-31T12:00:00Z.")
    var versionTime: String?

    @Option(help: "The document media type wanted: application/did (DID 1.1, the default), or DID 1.0's application/did+ld+json or application/did+json.")
    var accept: String?

    func validate() throws {
        if let versionTime, DIDDateTime(parsing: versionTime) == nil {
            throw ValidationError("--version-time must be an RFC 3339 date-time with a zone, such as 2025-01-31T12:00:00Z.")
        }
        if versionId != nil, versionTime != nil { throw ValidationError("Give --version-id or --version-time, not both.") }
        if global.nodeURL != nil, accept != nil {
            throw ValidationError("--accept is not supported with --node: the node returns the whole resolution result.")
        }
    }

    func run() async throws {
        if let nodeURL = global.nodeURL { return try await resolveThroughNode(try NodeClient(nodeURL)) }
        let options = DIDResolutionOptions(accept: accept, versionId: versionId, versionTime: versionTime.flatMap(DIDDateTime.init(parsing:)))
        let result = try await resolver().resolve(parsing: did, options: options)
        if let error = result.error {
            // Scripts asking for JSON still get the result, as the Universal Resolver returns it.
            if global.json { print(result.jsonValue.prettyPrinted()) }
            throw DidctlFailure("\(error.code): \(error.reason)")
        }
        print(result.jsonValue.prettyPrinted())
    }

    /// `--node URL`: the node's Universal Resolver binding, asked for the whole result.
    private func resolveThroughNode(_ client: NodeClient) async throws {
        var query: [URLQueryItem] = []
        if let versionId { query.append(URLQueryItem(name: "versionId", value: versionId)) }
        if let versionTime { query.append(URLQueryItem(name: "versionTime", value: versionTime)) }
        let (status, body) = try await client.get("1.0/identifiers/\(did)", query: query, accept: "application/did-resolution")
        let metadata = body["didResolutionMetadata"]?.objectValue
        guard metadata != nil || status == 200 || status == 410 else {
            throw DidctlFailure("The node at \(client.base) answered \(status): \(body["detail"]?.stringValue ?? "no resolution result").")
        }
        // An error object (DID Resolution: type, title, detail), or a bare name from older nodes.
        if let error = metadata?["error"], error != .null {
            if global.json { print(JSONValue.object(body).prettyPrinted()) }
            let name = error["title"]?.stringValue ?? error.stringValue ?? error["type"]?.stringValue ?? "error"
            let detail = error["detail"]?.stringValue ?? metadata?["errorMessage"]?.stringValue ?? "resolution failed at \(client.base)"
            throw DidctlFailure("\(name): \(detail)")
        }
        print(JSONValue.object(body).prettyPrinted())
    }

    /// did:key needs no chain, so the ledger is opened only for a did:chancery DID.
    private func resolver() throws -> any DIDResolver {
        var resolvers: [String: any DIDResolver] = [DIDKey.methodName: DIDKey.Resolver()]
        if did.hasPrefix("did:\(DIDChancery.methodName):") {
            let directory = global.directory
            guard directory.isInitialised else {
                throw DidctlFailure("No chain in \(directory.url.path) to resolve \(did) from: pass --data-dir or run 'didctl init'.")
            }
            resolvers[DIDChancery.methodName] = DIDChancery.Resolver(chainId: try directory.genesis().chainId,
                                                                    state: try directory.openStore())
        }
        return CompositeResolver(resolvers)
    }
}
