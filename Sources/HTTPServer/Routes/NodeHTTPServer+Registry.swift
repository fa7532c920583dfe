import Chain
import Credentials
import DID
import Foundation
import Hummingbird
import Node
import Primitives

extension NodeHTTPServer {
    /// Reads of the chain's registries that a client acting through the node needs
    /// (`specs/openapi.yaml`, "Registry"): CPTs and governance proposals.
    func addRegistryRoutes(to router: Router<NodeRequestContext>) {
        on(router, .get, "/cpts", waits: false) { request, _ in
            guard let text = request.uri.queryParameters["registeredBy"], let id = try? TransactionID(hex: String(text)) else {
                throw HTTPServerError.malformed("Name the registering transaction: /cpts?registeredBy=<64 hex digits>, or GET /cpts/{id}.")
            }
            guard let schema = try await Self.read({ try await backend.registeredSchema(registeredBy: id) }) else {
                throw HTTPServerError(.notFound, "Transaction \(id) registered no CPT on this chain.")
            }
            return Response.json(Self.json(schema))
        }
        on(router, .get, "/issuers", waits: false) { _, _ in
            let issuers = try await Self.read { try await backend.issuers() }
            return Response.json(["issuers": .array(try issuers.map { try JSONValue(parsing: $0.stateBytes) })])
        }
        on(router, .get, "/delegations/:id", waits: false) { _, context in
            guard let id = try? DelegationID(hex: context.parameters.get("id") ?? "") else {
                throw HTTPServerError.malformed("A delegation id is 64 hex digits.")
            }
            guard let record = try await Self.read({ try await backend.delegation(id) }),
                  let json = try? JSONValue(parsing: record.canonicalBytes()) else {
                throw HTTPServerError(.notFound, "There is no delegation \(id) on this chain.")
            }
            return Response.json(json)
        }
        on(router, .post, "/authorizations/check") { request, _ in
            let body = try await request.jsonObject(limit: configuration.limits.maximumBodyBytes)
            guard let grant = body["grantId"]?.stringValue.flatMap({ try? Hex.decode($0) }), grant.count == 16,
                  let scope = body["scope"]?.stringValue, !scope.isEmpty, let nonce = body["nonce"]?.stringValue,
                  let signature = body["signature"]?.stringValue.flatMap({ try? Base64URL.decode($0) }) else {
                throw HTTPServerError.malformed("Send {grantId (32 hex digits), scope, nonce (a challenge from POST /challenges), "
                                                + "signature (the grantee's 65-byte recoverable signature, base64url)}.")
            }
            switch await backend.checkAuthorization(grantId: grant, scope: scope, nonce: nonce, signature: signature) {
            case .verdict(let verdict):
                return Response.json(["granted": .bool(verdict.isGranted), "verdict": .string("\(verdict)")])
            case .refused(let reason): throw HTTPServerError(.unprocessable, reason)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        on(router, .get, "/cpts/:id", waits: false) { _, context in
            let text = context.parameters.get("id") ?? ""
            guard let id = try? CPTIdentifier(parsing: text.removingPercentEncoding ?? text) else {
                throw HTTPServerError.malformed("A CPT id is urn:chancery:cpt:<number>:<version>.")
            }
            guard let schema = try await Self.read({ try await backend.registeredSchema(id) }) else {
                throw HTTPServerError(.notFound, "CPT \(id) is not registered on this chain.")
            }
            return Response.json(Self.json(schema))
        }
        on(router, .get, "/status-entries", waits: false) { request, _ in
            let query = request.uri.queryParameters
            guard let list = query["list"].map(String.init), let index = query["index"].flatMap({ Int(String($0)) }), index >= 0 else {
                throw HTTPServerError.malformed("Name the entry: /status-entries?list=<status list id>&index=<n>.")
            }
            let entry: (value: Int, counter: UInt64)?
            do { entry = try await backend.statusEntry(list: list, index: index) } catch let error as ChainError where !error.isRefusal {
                throw HTTPServerError.nodeFailure("Reading status list \(list) failed: \(error)")
            } catch {
                throw HTTPServerError.malformed("Index \(index) is not in status list \(list.prefix(128)).")
            }
            guard let entry else { throw HTTPServerError(.notFound, "No status list '\(list.prefix(128))' on this chain.") }
            return Response.json(["list": .string(list), "index": .number(Double(index)), "value": .number(Double(entry.value)),
                                  "counter": .number(Double(entry.counter))])
        }
        on(router, .get, "/status-allocations", waits: false) { request, _ in
            let query = request.uri.queryParameters
            guard let issuer = query["issuer"].flatMap({ try? DID(parsing: String($0)) }),
                  let purpose = query["purpose"].flatMap({ try? StatusPurpose(String($0)) }),
                  let count = query["count"].flatMap({ Int(String($0)) }), (1...1_000_000).contains(count) else {
                throw HTTPServerError.malformed("Name the batch: /status-allocations?issuer=<DID>&purpose=revocation|suspension&count=<1 to 1000000>.")
            }
            let allocations: [StatusAllocation]
            do { allocations = try await backend.plannedAllocations(issuer: issuer, purpose: purpose, count: count) } catch let error as CredentialsError {
                throw HTTPServerError.malformed(error.reason)
            } catch {
                throw HTTPServerError.nodeFailure("Planning status indexes failed: \(error)")
            }
            return Response.json(["allocations": .array(allocations.map {
                ["purpose": .string($0.purpose.rawValue), "list": .string($0.list), "from": .number(Double($0.from)), "count": .number(Double($0.count))]
            })])
        }
        on(router, .get, "/blocks", waits: false) { request, _ in
            let query = request.uri.queryParameters
            let from = try query["from"].map { text -> UInt64 in
                guard let height = UInt64(String(text)) else { throw HTTPServerError.malformed("'from' is a block height.") }
                return height
            }
            // A `limit` that is not a number is refused like one out of range, not taken as the default.
            let limit = try query["limit"].map { text -> Int in
                guard let limit = Int(String(text)), (1...1_000).contains(limit) else { throw HTTPServerError.malformed("'limit' is 1 to 1000.") }
                return limit
            } ?? 20
            let headers = try await Self.read { try await backend.blockHeaders(from: from, limit: limit) }
            return Response.json(["blocks": .array(headers.map { signed in
                ["height": .number(Double(signed.header.height)), "transactionCount": .number(Double(signed.header.transactionCount)),
                 "time": .number(Double(signed.header.time)), "hash": .string(Hex.encode(signed.hash)),
                 "previousHash": .string(Hex.encode(signed.header.previousHash))]
            })])
        }
        on(router, .get, "/blocks/:height", waits: false) { request, context in
            guard let height = UInt64(context.parameters.get("height") ?? "") else { throw HTTPServerError.malformed("A block height is a number.") }
            let count = try request.uri.queryParameters["count"].map { text -> Int in
                guard let count = Int(String(text)), (1...1_000).contains(count) else { throw HTTPServerError.malformed("'count' is 1 to 1000.") }
                return count
            } ?? 1
            let blocks = try await Self.read { try await backend.finalBlocks(from: height, count: count) }
            return Response.json(["blocks": .array(blocks.map(\.json))])
        }
        on(router, .get, "/governance/proposals/:id", waits: false) { _, context in
            guard let id = try? Hex.decode(context.parameters.get("id") ?? ""), id.count == 32 else {
                throw HTTPServerError.malformed("A proposal id is 64 hex digits (SHA-256 of the action).")
            }
            guard let state = try await Self.read({ try await backend.proposal(id) }) else {
                throw HTTPServerError(.notFound, "No committee member has approved proposal \(Hex.encode(id)) yet.")
            }
            return Response.json(["proposalId": .string(Hex.encode(id)), "approvals": .array(state.approvals.map { .string($0) }),
                                  "executed": .bool(state.executed)])
        }
    }

    /// Runs a state read; a failure to read is the node's (500, detail logged).
    private static func read<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw HTTPServerError.nodeFailure("Reading chain state failed: \(error)") }
    }

    /// A registered CPT as `GET /cpts` answers it.
    static func json(_ schema: RegisteredSchema) -> JSONValue {
        ["id": .string(schema.id.description), "number": .number(Double(schema.id.number)), "version": .number(Double(schema.id.version)),
         "author": .string(schema.author.description), "registered": .number(Double(schema.registered)),
         "transactionId": .string(schema.transaction.description), "schema": schema.schema.document]
    }
}
