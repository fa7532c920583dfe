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

    private let send: @Sendable (OneTimeKeyRequest) async throws -> Certified

    /// - Parameter send: sends a signed request and returns what the service certified, one
    ///   certificate per key of the request (the transport checks the answer's count).
    package init(send: @escaping @Sendable (OneTimeKeyRequest) async throws -> Certified) {
        self.send = send
    }

    /// Certifies the keys of `request`.
    /// - Throws: what the transport threw (a refusal, an unreachable service, an answer without
    ///   one certificate per key).
    package func certify(_ request: OneTimeKeyRequest) async throws -> Certified {
        try await send(request)
    }
}
