package import Chain

/// Certification of members' one-time keys by the node's membership service, for members that
/// keep their keys (`POST /membership/certificates`): the member generates the keys and signs
/// the request; the node returns the certificates and auditor envelopes, and never sees a
/// private key.
package struct OneTimeKeyCertification: Sendable {
    private let service: MembershipService
    private let clock: any ChainClock

    /// Certifies through `service`, judging request times by `clock`.
    package init(service: MembershipService, clock: any ChainClock) {
        self.service = service
        self.clock = clock
    }

    /// Certifies the request's keys, or says why not.
    package func certify(_ request: OneTimeKeyRequest) -> CertificationOutcome {
        do {
            let issued = try service.certify(request, now: clock.nowMilliseconds())
            return .certified(epoch: request.epoch, zip(request.oneTimeKeys, issued).map {
                OneTimeKeyCertificate(oneTimeKey: $0, certificate: $1.certificate, envelope: $1.envelope)
            })
        } catch let error as ChainError where error.isRefusal {
            return .refused(code: error.code.name, reason: error.reason)
        } catch {
            return .failed("Certifying one-time keys failed: \(error)")
        }
    }
}
