import Chain
import Foundation
package import HTTPTypes
import Hummingbird
import Node
import Primitives

extension NodeHTTPServer {
    /// Writes by clients that sign for themselves (`specs/openapi.yaml`, "Transactions"):
    /// one-time key certificates from the membership service, transactions in wire form, and
    /// the state of a transaction.
    func addTransactionRoutes(to router: Router<NodeRequestContext>) {
        let limit = configuration.limits.maximumBodyBytes
        on(router, .post, "/membership/certificates") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            let keyRequest: OneTimeKeyRequest
            do { keyRequest = try OneTimeKeyRequest(json: .object(body)) } catch let error as ChainError { throw HTTPServerError.malformed(error.reason) }
            switch await backend.certifyOneTimeKeys(keyRequest) {
            case .certified(let epoch, let certificates):
                return Response.json(["epoch": .number(Double(epoch)), "certificates": .array(certificates.map { certificate in
                    ["oneTimeKey": .string(Hex.encode(certificate.oneTimeKey)), "certificate": .string(Hex.encode(certificate.certificate)),
                     "envelope": .string(Hex.encode(certificate.envelope))]
                })])
            case .refused(let code, let reason): throw Self.refusal(code: code, reason)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        on(router, .post, "/membership/requests") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            let membershipRequest: MembershipRequest
            do { membershipRequest = try MembershipRequest(json: .object(body)) } catch let error as ChainError {
                throw HTTPServerError.malformed(error.reason)
            }
            switch await backend.fileMembershipRequest(membershipRequest) {
            // 202 while the committee has yet to approve, 200 once the applicant is a member.
            case .filed(let state): return Response.json(Self.json(state), status: state.admitted ? 200 : 202)
            case .refused(let code, let reason): throw Self.refusal(code: code, reason)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        on(router, .get, "/membership/requests", waits: false) { request, _ in
            guard let header = request.headers[Self.committeeSignature] else {
                throw HTTPServerError(.unauthorized, "Pending membership requests are for the committee: sign the read and send it as "
                                      + "the Chancery-Committee header (specs/chain.md §5.1).")
            }
            let states: [MembershipRequestState]
            do {
                states = try await backend.pendingMembershipRequests(signedBy: try CommitteeReadSignature(header: header))
            } catch let error as ChainError where error.code == .unauthorized {
                throw HTTPServerError(.forbidden, error.reason)
            } catch {
                throw HTTPServerError.nodeFailure("Reading the membership requests failed: \(error)")
            }
            return Response.json(["requests": .array(states.map(Self.json))])
        }
        on(router, .post, "/transactions") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            guard let text = body["transaction"]?.stringValue, let wire = try? Base64URL.decode(text) else {
                throw HTTPServerError.malformed("The request needs 'transaction': the signed transaction's wire bytes in base64url.")
            }
            // RFC 7240: `Prefer: respond-async` asks for 202 once the transaction is accepted.
            let wait = !(request.headers[Self.prefer] ?? "").lowercased().contains("respond-async")
            switch await backend.submitTransaction(wire, wait: wait) {
            case .committed(let commit): return Response.json(Self.json(commit))
            case .accepted(let id):
                var headers = HTTPFields()
                headers[.location] = "/transactions/\(id)"
                return Response.json(["transactionId": .string(id.description), "state": "pending"], status: 202, headers: headers)
            case .malformed(let reason): throw HTTPServerError.malformed(reason)
            case .refused(let code, let reason): throw Self.refusal(code: code, reason)
            case .unavailable(let reason): throw HTTPServerError(.unavailable, reason, retryAfterSeconds: 5)
            case .insufficientStorage(let reason): throw HTTPServerError(.insufficientStorage, reason, retryAfterSeconds: 30)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        on(router, .get, "/transactions/:id", waits: false) { _, context in
            let text = context.parameters.get("id") ?? ""
            guard let id = try? TransactionID(hex: text) else {
                throw HTTPServerError.malformed("A transaction id is 64 hex digits.")
            }
            let state: TransactionState?
            do { state = try await backend.transactionState(id) } catch {
                throw HTTPServerError.nodeFailure("Reading transaction \(id) failed: \(error)")
            }
            switch state {
            case nil: throw HTTPServerError(.notFound, "This node knows no transaction \(id).")
            case .pending?: return Response.json(["transactionId": .string(id.description), "state": "pending"])
            case .committed(let commit)?: return Response.json(Self.json(commit))
            case .refused(let code, let reason)?:
                return Response.json(["transactionId": .string(id.description), "state": "refused", "code": .string(code),
                                      "reason": .string(reason)])
            }
        }
    }

    /// The header a committee member's signed read travels in (``CommitteeReadSignature``).
    package static let committeeSignature = HTTPField.Name("Chancery-Committee")!

    /// RFC 7240's request header.
    package static let prefer = HTTPField.Name("Prefer")!

    /// A chain refusal as a 422 problem whose type names its code (`specs/chain.md` §8).
    static func refusal(code: String, _ reason: String) -> HTTPServerError {
        HTTPServerError(HTTPServerError.Code(code, status: 422), reason)
    }

    /// A membership request's state, with the action the committee approves.
    static func json(_ state: MembershipRequestState) -> JSONValue {
        ["name": .string(state.name), "memberHandle": .string(state.handle.description),
         "custody": .string(state.action.object["custody"]?.stringValue ?? ""), "action": .object(state.action.object),
         "proposalId": .string(Hex.encode(state.proposalId)), "approvals": .array(state.approvals.map(JSONValue.string)),
         "threshold": .number(Double(state.threshold)), "admitted": .bool(state.admitted), "filedAt": .number(Double(state.filedAt)),
         "summary": .string(state.summary)]
    }

    /// A committed transaction's receipt.
    static func json(_ commit: TransactionCommit) -> JSONValue {
        ["transactionId": .string(commit.transactionId.description), "state": "committed", "height": .number(Double(commit.height)),
         "index": .number(Double(commit.index)), "time": .number(Double(commit.time)), "blockHash": .string(Hex.encode(commit.blockHash))]
    }
}
