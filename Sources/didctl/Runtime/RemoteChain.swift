import Chain
import Credentials
import DID
import Foundation
import KeyCustody
import Node
import Primitives

/// A running node as the chain of the CLI's use cases (`--node URL`): the member's keys stay
/// here, in its keystore, vault or token. Each submission asks the node's membership service to
/// certify a fresh one-time key (`POST /membership/certificates`, the request signed by the
/// member's long-term key here), signs the transaction with it here, and sends the wire bytes
/// (`POST /transactions`), waiting for the commit.
struct RemoteChain: ChainGateway {
    let client: NodeClient
    let chainId: String
    /// This process's lanes: its own batches for one issuer are planned one at a time.
    let issuerLanes = IssuerLanes()
    /// The client's clock, which dates what it issues.
    let clock: any ChainClock = SystemClock()
    /// The membership epoch the node reported; one-time keys are certified for it.
    private let epoch: UInt64
    /// The chain's crypto suite the node reported (a node that names none is standard).
    let suite: ChainCryptoSuite

    /// Connects to the node at `url` and learns its chain id and epoch from `GET /healthz`.
    init(url: String) async throws {
        client = try NodeClient(url)
        let (status, body) = try await client.get("healthz")
        guard status == 200, let chainId = body["chainId"]?.stringValue,
              let epoch = body["epoch"]?.doubleValue.flatMap({ UInt64(exactly: $0) }) else {
            throw DidctlFailure("The node at \(client.base) did not report its chain and epoch on /healthz (answered \(status)); is it a Chancery node of this version?")
        }
        self.chainId = chainId
        self.epoch = epoch
        let crypto = body["crypto"]?.stringValue ?? ChainCryptoSuite.standard.name
        guard let suite = ChainCryptoSuite(name: crypto) else {
            throw DidctlFailure("The node at \(client.base) runs a chain of crypto suite '\(crypto)', which this didctl does not know.")
        }
        self.suite = suite
    }

    func submit(type: TransactionType, body: [UInt8], member: CustodyKey) async throws -> TransactionReceipt {
        let memberHandle = MemberHandle(publicKey: try await member.custodian.publicKey(for: member.key))
        let issuer = OneTimeKeyIssuer(chainId: chainId, memberHandle: memberHandle, custodian: member.custodian, key: member.key,
                                      suite: suite)
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        let (keys, request) = try await issuer.request(count: 1, epoch: epoch, time: now)
        let certified = try await MembershipHTTPCertifier(client: client).certify(request)
        let oneTimeKey = OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch, issued: certified)[0]
        let transaction = try Transaction(type: type, body: body, chainId: chainId, oneTimeKey: oneTimeKey)
        let (status, answer): (Int, JSONObject)
        do {
            (status, answer) = try await client.post("transactions", ["transaction": .string(Base64URL.encode(transaction.encoded))])
        } catch let failure as DidctlFailure {
            // Sent, perhaps committed, never answered: the caller must not act as if refused.
            throw DidctlFailure("\(failure.message) Transaction \(transaction.id) may or may not be committed: look it up with "
                                + "GET /transactions/\(transaction.id) once the node is back.", outcomeUnknown: true)
        }
        guard status == 200 else { throw Self.refusal(answer, status: status, doing: "commit the \(type) transaction") }
        guard let id = answer["transactionId"]?.stringValue.flatMap({ try? TransactionID(hex: $0) }), id == transaction.id,
              let height = answer["height"]?.doubleValue.flatMap({ UInt64(exactly: $0) }),
              let index = answer["index"]?.doubleValue.flatMap({ Int(exactly: $0) }),
              let time = answer["time"]?.doubleValue.flatMap({ UInt64(exactly: $0) }) else {
            throw DidctlFailure("The node at \(client.base) answered the submission without a receipt for transaction \(transaction.id).")
        }
        return TransactionReceipt(transactionId: id, height: height, index: index, time: time)
    }

    func resolve(_ did: DID) async -> DIDResolutionResult {
        do {
            let (_, body) = try await client.get("1.0/identifiers/\(did)", accept: "application/did-resolution")
            return try Self.resolution(body)
        } catch {
            return DIDResolutionResult(error: DIDError(.internalError, "\(did) could not be resolved through \(client.base): \(error)"))
        }
    }

    func delegationRecord(_ id: DelegationID) async throws -> DelegationRecord? {
        let (status, body) = try await client.get("delegations/\(id)")
        if status == 404 { return nil }
        guard status == 200, let record = try? DelegationRecord(canonicalBytes: JCS.canonicalize(.object(body))) else {
            throw DidctlFailure("The node at \(client.base) answered \(status) for delegation \(id).")
        }
        return record
    }

    func schemaIdentifier(registeredBy transaction: TransactionID) async throws -> CPTIdentifier? {
        let (status, body) = try await client.get("cpts", query: [URLQueryItem(name: "registeredBy", value: transaction.description)])
        if status == 404 { return nil }
        guard status == 200, let id = body["id"]?.stringValue.flatMap(CPTIdentifier.init) else {
            throw DidctlFailure("The node at \(client.base) answered \(status) for the CPT of transaction \(transaction).")
        }
        return id
    }

    func proposal(_ proposalId: [UInt8]) async throws -> GovernanceProposalState? {
        let (status, body) = try await client.get("governance/proposals/\(Hex.encode(proposalId))")
        if status == 404 { return nil }
        guard status == 200, let approvals = body["approvals"]?.arrayValue, let executed = body["executed"]?.boolValue else {
            throw DidctlFailure("The node at \(client.base) answered \(status) for proposal \(Hex.encode(proposalId)).")
        }
        return GovernanceProposalState(approvals: approvals.compactMap(\.stringValue), executed: executed)
    }

    func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64) {
        let (status, body) = try await client.get("status-entries", query: [URLQueryItem(name: "list", value: list),
                                                                            URLQueryItem(name: "index", value: String(index))])
        guard status == 200, let value = body["value"]?.doubleValue.flatMap({ Int(exactly: $0) }),
              let counter = body["counter"]?.doubleValue.flatMap({ UInt64(exactly: $0) }) else {
            throw DidctlFailure(body["detail"]?.stringValue ?? "The node at \(client.base) answered \(status) for index \(index) of \(list).")
        }
        return (value, counter)
    }

    func currentEpoch() async throws -> UInt64 { epoch }

    func credentialSchema(id: String) async throws -> CredentialSchema? {
        guard let identifier = try? CPTIdentifier(parsing: id) else { return nil }
        let (status, body) = try await client.get("cpts/\(identifier)")
        if status == 404 { return nil }
        guard status == 200, let document = body["schema"] else {
            throw DidctlFailure("The node at \(client.base) answered \(status) for CPT \(id).")
        }
        return try CredentialSchema(document)
    }

    func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation] {
        let (status, body) = try await client.get("status-allocations", query: [
            URLQueryItem(name: "issuer", value: issuer.description), URLQueryItem(name: "purpose", value: purpose.rawValue),
            URLQueryItem(name: "count", value: String(count))])
        guard status == 200, let entries = body["allocations"]?.arrayValue else {
            throw DidctlFailure(body["detail"]?.stringValue ?? "The node at \(client.base) answered \(status) when planning status indexes.")
        }
        return try entries.map { entry in
            guard let list = entry["list"]?.stringValue, let from = entry["from"]?.doubleValue.flatMap({ Int(exactly: $0) }),
                  let count = entry["count"]?.doubleValue.flatMap({ Int(exactly: $0) }) else {
                throw DidctlFailure("The node at \(client.base) answered a malformed status allocation.")
            }
            return StatusAllocation(purpose: purpose, list: list, from: from, count: count)
        }
    }

    func fileMembershipRequest(_ request: MembershipRequest) async throws -> MembershipRequestState {
        let (status, body) = try await client.post("membership/requests", request.json)
        guard status == 200 || status == 202 else { throw Self.refusal(body, status: status, doing: "file the membership request") }
        return try Self.membershipRequest(body)
    }

    func pendingMembershipRequests(approver: String, committeeKey: Secp256k1PrivateKey) async throws -> [MembershipRequestState] {
        let signature = try CommitteeReadSignature(resource: MembershipDesk.listResource, approver: approver, key: committeeKey,
                                                   chainId: chainId, time: UInt64(Date().timeIntervalSince1970 * 1000))
        let (status, body) = try await client.get("membership/requests", headers: [("Chancery-Committee", signature.header)])
        guard status == 200, let requests = body["requests"]?.arrayValue else {
            throw DidctlFailure(body["detail"]?.stringValue ?? "The node at \(client.base) answered \(status) for the membership requests.")
        }
        return try requests.map { try Self.membershipRequest($0.objectValue ?? [:]) }
    }

    func issuers() async throws -> [IssuerRecord] {
        let (status, body) = try await client.get("issuers")
        guard status == 200, let entries = body["issuers"]?.arrayValue else {
            throw DidctlFailure("The node at \(client.base) answered \(status) for the issuer registry.")
        }
        return try entries.map { try IssuerRecord(stateBytes: JCS.canonicalize($0)) }
    }

    func authorizationNonce() async throws -> [UInt8] {
        let (status, body) = try await client.post("challenges", .object([:]))
        guard status == 200, let challenge = body["challenge"]?.stringValue else {
            throw DidctlFailure(body["detail"]?.stringValue ?? "The node at \(client.base) answered \(status) when asked for a challenge.")
        }
        return Array(challenge.utf8)
    }

    func checkAuthorization(_ check: AuthorizationCheck, signature: [UInt8]) async throws -> AuthorizationVerdict {
        let (status, body) = try await client.post("authorizations/check", [
            "grantId": .string(Hex.encode(check.grantId)), "scope": .string(check.scopeItem),
            "nonce": .string(String(decoding: check.nonce, as: UTF8.self)), "signature": .string(Base64URL.encode(signature))])
        guard status == 200, let name = body["verdict"]?.stringValue,
              let verdict = AuthorizationVerdict.allCases.first(where: { "\($0)" == name }) else {
            throw DidctlFailure(body["detail"]?.stringValue ?? "The node at \(client.base) answered \(status) for the authorization check.")
        }
        return verdict
    }

    func close() {}

    /// A membership request's state as the node answers it.
    private static func membershipRequest(_ body: JSONObject) throws -> MembershipRequestState {
        guard let name = body["name"]?.stringValue, let handle = body["memberHandle"]?.stringValue.flatMap({ try? MemberHandle(hex: $0) }),
              let action = body["action"].flatMap({ try? GovernanceAction(json: $0) }),
              let filedAt = body["filedAt"]?.doubleValue.flatMap({ UInt64(exactly: $0) }),
              let threshold = body["threshold"]?.doubleValue.flatMap({ Int(exactly: $0) }), let admitted = body["admitted"]?.boolValue else {
            throw DidctlFailure("The node answered a membership request without its name, handle, action or approvals.")
        }
        return MembershipRequestState(name: name, handle: handle, action: action, filedAt: filedAt,
                                      approvals: (body["approvals"]?.arrayValue ?? []).compactMap(\.stringValue), threshold: threshold,
                                      admitted: admitted)
    }

    /// A resolution result from the resolver endpoint's answer (a result on success, or a
    /// problem whose `type` is the DID Resolution error URL).
    private static func resolution(_ body: JSONObject) throws -> DIDResolutionResult {
        if let document = body["didDocument"], !document.isNull {
            let metadata = body["didDocumentMetadata"]?.objectValue ?? [:]
            return DIDResolutionResult(didDocument: try DIDDocument(json: document),
                                       didDocumentMetadata: DIDDocumentMetadata(deactivated: metadata["deactivated"]?.boolValue,
                                                                                versionId: metadata["versionId"]?.stringValue))
        }
        let type = body["type"]?.stringValue ?? body["didResolutionMetadata"]?["error"]?["type"]?.stringValue ?? ""
        let known: [DIDError.Code] = [.invalidDid, .invalidDidUrl, .notFound, .methodNotSupported, .representationNotSupported, .deactivated,
                                      .invalidDocument, .internalError]
        let code = known.first { $0.typeURL == type } ?? .notFound
        let detail = body["detail"]?.stringValue ?? body["didResolutionMetadata"]?["error"]?["detail"]?.stringValue ?? "\(code.name)."
        return DIDResolutionResult(error: DIDError(code, detail))
    }

    /// The node's refusal as the error a local chain would have thrown: a 422's problem type
    /// ends in the chain's refusal code.
    static func refusal(_ problem: JSONObject, status: Int, doing what: String) -> any Error {
        let detail = problem["detail"]?.stringValue ?? "no reason given"
        if status == 422, let type = problem["type"]?.stringValue, type.hasPrefix("urn:chancery:problem:") {
            return ChainError(ChainError.Code(String(type.dropFirst("urn:chancery:problem:".count))), detail)
        }
        return DidctlFailure("The node refused to \(what) (\(status)): \(detail)")
    }
}
