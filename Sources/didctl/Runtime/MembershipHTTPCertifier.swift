import Chain
import Foundation
import Node
import Primitives

/// `POST /membership/certificates` of a node that holds the chain's membership-service key: it
/// certifies one-time keys a member asked for here, signed with the member's key here. Used by
/// `--node URL` commands (``RemoteChain``) and by `node start --membership-node URL`, the node
/// of a consortium member made by `init --genesis` (`specs/consortium.md` §8).
struct MembershipHTTPCertifier: Sendable {
    let client: NodeClient

    /// Sends the signed request; returns each key's certificate and envelope, in order, one per
    /// key of the request.
    /// - Throws: `ChainError` for the service's refusal (its problem type names the code);
    ///   `DidctlFailure` when the node cannot be reached or answers something else.
    func certify(_ request: OneTimeKeyRequest) async throws -> RemoteMembershipService.Certified {
        let (status, body) = try await client.post("membership/certificates", request.json)
        guard status == 200 else {
            throw RemoteChain.refusal(body, status: status, doing: "certify one-time keys for member \(request.memberHandle)")
        }
        guard let entries = body["certificates"]?.arrayValue, entries.count == request.oneTimeKeys.count else {
            throw DidctlFailure("The node at \(client.base) did not answer one certificate per key of the request "
                                + "(\(request.oneTimeKeys.count) asked).")
        }
        return try entries.map { entry in
            guard let certificate = entry["certificate"]?.stringValue.flatMap({ try? Hex.decode($0) }),
                  let envelope = entry["envelope"]?.stringValue.flatMap({ try? Hex.decode($0) }) else {
                throw DidctlFailure("The node at \(client.base) answered a certificate request without a certificate and envelope.")
            }
            return (certificate, envelope)
        }
    }

    /// The remote membership service of `node start --membership-node URL`; its failures reach
    /// the node as `NodeError` (a refusal stays a `ChainError`).
    static func service(url: String) throws -> RemoteMembershipService {
        let certifier = MembershipHTTPCertifier(client: try NodeClient(url))
        return RemoteMembershipService { request in
            do { return try await certifier.certify(request) } catch let failure as DidctlFailure { throw NodeError(failure.message) }
        }
    }
}
