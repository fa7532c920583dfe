import Chain
import Foundation
import Primitives

/// The chain's wire decoders. The first byte picks the decoder; the rest is its input.
/// Every value a decoder accepts must survive its own encoding: decoding what it encodes gives
/// the same value (and for the binary formats, the same bytes).
enum TransactionHarness {
    static func run(_ input: [UInt8]) {
        guard let (selector, bytes) = FuzzInput.selector(input) else { return }
        switch selector % 9 {
        case 0:
            guard let transaction = try? Transaction(decoding: bytes) else { return }
            FuzzCheck.require(transaction.encoded == bytes, "a transaction keeps its wire bytes")
            FuzzCheck.require(transaction.id.bytes == Hash.sha256(bytes), "a transaction id is the hash of its bytes")
        case 1:
            guard let header = try? BlockHeader(decoding: bytes) else { return }
            FuzzCheck.require(header.encoded == bytes, "a block header re-encodes to its bytes")
        case 2:
            guard let approval = try? GovernanceApproval(body: bytes) else { return }
            FuzzCheck.require((try? GovernanceApproval(body: approval.body)) == approval, "a governance approval round-trips")
        case 3:
            guard let grant = try? DelegationGrant(body: bytes), let body = try? grant.body() else { return }
            FuzzCheck.require((try? DelegationGrant(body: body)) == grant, "a delegation grant round-trips")
        case 4:
            _ = try? DelegationRevocation(body: bytes)
        case 5:
            guard let request = try? SignedAuditRequest(body: bytes) else { return }
            FuzzCheck.require((try? SignedAuditRequest(body: request.body)) != nil, "an audit request round-trips")
        case 6:
            _ = try? Genesis(json: Data(bytes))
        default:
            guard let json = try? JSONValue(parsing: bytes) else { return }
            switch selector % 9 {
            case 7:
                if let request = try? MembershipRequest(json: json) {
                    FuzzCheck.require((try? MembershipRequest(json: request.json)) == request, "a membership request round-trips")
                }
                _ = try? OneTimeKeyRequest(json: json)
            default:
                if let action = try? GovernanceAction(json: json) {
                    FuzzCheck.require(action.proposalId == Hash.sha256(action.canonicalBytes), "a proposal id is its hash")
                }
                _ = try? AuditorScope(json: json)
            }
        }
    }
}
