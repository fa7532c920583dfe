import Chain

/// How a benchmark client reaches the node: the membership service that certifies its one-time
/// keys, and the node that commits its signed transactions. One conformance calls them in
/// process, the other over HTTP, so both phases of ``RegisterBenchmark`` run the same client.
protocol RegistrationChannel: Sendable {
    /// Certifies the request's keys.
    /// - Returns: one certificate and envelope per key, in the request's order.
    func certify(_ request: OneTimeKeyRequest) async throws -> [(certificate: [UInt8], envelope: [UInt8])]

    /// Submits a transaction in wire form and returns once it is committed.
    /// - Parameter id: the transaction's id, to check the receipt against.
    func submit(_ wire: [UInt8], id: TransactionID) async throws
}
