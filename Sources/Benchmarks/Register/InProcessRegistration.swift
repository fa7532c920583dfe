import Chain

/// The in-process channel: the membership service and `ChainNode.submit(encoded:)` called
/// directly, with no HTTP, JSON or sockets between the client and the node.
struct InProcessRegistration: RegistrationChannel {
    let node: ChainNode
    let service: MembershipService
    let clock: any ChainClock

    func certify(_ request: OneTimeKeyRequest) async throws -> [(certificate: [UInt8], envelope: [UInt8])] {
        try service.certify(request, now: clock.nowMilliseconds())
    }

    func submit(_ wire: [UInt8], id: TransactionID) async throws {
        let receipt = try await node.submit(encoded: wire)
        guard receipt.transactionId == id else { throw BenchmarkError("The node committed \(receipt.transactionId) for \(id).") }
    }
}
