/// One kind of request of the soak's mixed load, and the answer it expects when the node is
/// not overloaded.
enum SoakKind: String, CaseIterable, Sendable {
    case verify, resolve, issue, revoke
    case didCreate = "did-create"
    case audit

    /// The status of a successful answer.
    var expectedStatus: Int {
        switch self {
        case .issue, .didCreate: 201
        default: 200
        }
    }

    /// One cycle of the mix, repeated: reads dominate, as on a verifier-facing node, and every
    /// kind of write goes on all the time (20 requests: 8 verify, 6 resolve, 2 issue, 1 revoke,
    /// 2 DID registrations, 1 audit query).
    static let cycle: [SoakKind] = [.verify, .resolve, .issue, .verify, .resolve, .didCreate, .verify, .revoke, .resolve, .verify,
                                    .audit, .verify, .resolve, .issue, .verify, .resolve, .didCreate, .verify, .resolve, .verify]
}
