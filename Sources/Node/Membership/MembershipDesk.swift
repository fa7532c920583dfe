package import Chain
import Foundation
import KeyCustody
package import Primitives

/// Admission of new members through a node (`specs/chain.md` §5.1): applicants file signed
/// requests, committee members read the pending ones and approve their `admitMember` actions
/// with ordinary `gov.approve` transactions, from any client. Where the committee is the
/// node's operator alone, the node may approve each request as it is filed
/// (`didctl node start --approve-membership-requests`).
package struct MembershipDesk: Sendable {
    /// The resource a committee member signs to read the pending requests.
    package static let listResource = "GET /membership/requests"

    private let runtime: NodeRuntime
    private let store: MembershipRequestStore
    private let approvesRequests: Bool

    /// The desk of `runtime`'s data directory.
    /// - Parameter approvesRequests: whether the node approves each request with the
    ///   operator's committee key as it is filed.
    package init(runtime: NodeRuntime, approvesRequests: Bool = false) {
        self.runtime = runtime
        store = MembershipRequestStore(directory: runtime.directory.url)
        self.approvesRequests = approvesRequests
    }

    /// Files a request, approving it as the operator when the node is set to.
    package func file(_ request: MembershipRequest) async -> MembershipRequestOutcome {
        do {
            guard request.isSigned(chainId: runtime.chainId) else {
                return .refused(code: ChainError.Code.badSignature.name,
                                reason: "The membership request is not signed by the key it asks to admit, for chain '\(runtime.chainId)'.")
            }
            if try isMember(request.handle), try store.all().allSatisfy({ $0.request.handle != request.handle }) {
                return .refused(code: ChainError.Code.alreadyExists.name, reason: "Member \(request.handle) is already admitted on this chain.")
            }
            let filed = try store.file(request, now: runtime.clock.nowMilliseconds())
            var current = try state(of: filed.request, filedAt: filed.filedAt)
            if approvesRequests, !current.admitted, !current.approvals.contains(DataDirectory.operatorCommitteeID) {
                _ = try await runtime.approve(filed.request.action)
                current = try state(of: filed.request, filedAt: filed.filedAt)
            }
            return .filed(current)
        } catch let error as ChainError where error.isRefusal {
            return .refused(code: error.code.name, reason: error.reason)
        } catch {
            return .failed("Filing the membership request failed: \(error)")
        }
    }

    /// The requests whose applicants are not admitted yet, oldest first. Requests of admitted
    /// members are forgotten on the way.
    /// - Throws: when the store or the chain state cannot be read.
    package func pending() throws -> [MembershipRequestState] {
        try store.all().compactMap { entry in
            let state = try state(of: entry.request, filedAt: entry.filedAt)
            if state.admitted { store.remove(handle: entry.request.handle) }
            return state.admitted ? nil : state
        }
    }

    /// The pending request of `handle`, if any.
    /// - Throws: when the store or the chain state cannot be read.
    package func pendingRequest(of handle: MemberHandle) throws -> MembershipRequestState? {
        guard let entry = try store.all().first(where: { $0.request.handle == handle }) else { return nil }
        let state = try state(of: entry.request, filedAt: entry.filedAt)
        return state.admitted ? nil : state
    }

    private func state(of request: MembershipRequest, filedAt: UInt64) throws -> MembershipRequestState {
        let proposal = try runtime.proposal(request.action.proposalId)
        return MembershipRequestState(name: request.name, handle: request.handle, action: request.action, filedAt: filedAt, approvals: proposal?.approvals ?? [],
                                      threshold: try GovernanceHandler.threshold(in: runtime.store), admitted: try isMember(request.handle))
    }

    private func isMember(_ handle: MemberHandle) throws -> Bool {
        try runtime.store.value(namespace: ChainNamespace.member, key: handle.bytes) != nil
    }

}
