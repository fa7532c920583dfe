package import Chain

/// Another consortium node's membership service, for a node made by `didctl init --genesis`,
/// which holds no membership-service key (`specs/consortium.md` §8): the one-time keys of the
/// member this node writes for (the audit member of `node start --audit-member`) are certified
/// there. The member signs the request here; only the request and the certificates cross the
/// network, never a private key.
///
/// The transport is the composition root's (didctl posts the request to
/// `POST /membership/certificates` of `node start --membership-node URL`), so this module needs
/// no HTTP client.
package struct RemoteMembershipService: Sendable {
    /// Each key's certificate and the envelope sealed to the auditor, in the request's order.
    package typealias Certified = [(certificate: [UInt8], envelope: [UInt8])]

    /// Where the service is, for messages.
    package let location: String
    private let send: @Sendable (OneTimeKeyRequest) async throws -> Certified

    /// - Parameters:
    ///   - location: the service's URL.
    ///   - send: sends a signed request and returns what the service certified.
    package init(location: String, send: @escaping @Sendable (OneTimeKeyRequest) async throws -> Certified) {
        self.location = location
        self.send = send
    }

    /// Certifies the keys of `request`.
    /// - Throws: what the transport threw (a refusal, an unreachable service); `NodeError`
    ///   when the answer does not hold one certificate per key.
    package func certify(_ request: OneTimeKeyRequest) async throws -> Certified {
        let certified = try await send(request)
        guard certified.count == request.oneTimeKeys.count else {
            throw NodeError("The membership service at \(location) certified \(certified.count) of \(request.oneTimeKeys.count) one-time keys.")
        }
        return certified
    }
}
