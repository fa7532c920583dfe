package import Metrics

/// What the node records of credential issuance and status changes (`POST /credentials/issue`,
/// `POST /credentials/status`): each request's outcome, through the swift-metrics API and a
/// factory passed in (by default nothing is recorded).
package struct CredentialWriteMetrics: Sendable {
    package static let issuances = "chancery_credential_issuances_total"
    package static let statusUpdates = "chancery_credential_status_updates_total"

    let factory: any MetricsFactory

    /// Records through `factory`.
    /// - Parameter factory: the metrics backend; the default records nothing.
    package init(factory: any MetricsFactory = NOOPMetricsHandler.instance) { self.factory = factory }

    /// Counts an issuance by its outcome.
    /// - Returns: `outcome`, unchanged.
    func recorded(_ outcome: IssueOutcome) -> IssueOutcome {
        let label = switch outcome {
        case .issued: "issued"
        case .malformed: "malformed"
        case .rejected: "rejected"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .unavailable: "unavailable"
        case .throttled: "throttled"
        case .failed: "failed"
        }
        Counter(label: Self.issuances, dimensions: [("outcome", label)], factory: factory).increment()
        return outcome
    }

    /// Counts a status change by its outcome.
    /// - Returns: `outcome`, unchanged.
    func recorded(_ outcome: StatusOutcome) -> StatusOutcome {
        let label = switch outcome {
        case .updated: "updated"
        case .malformed: "malformed"
        case .notFound: "not_found"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .unavailable: "unavailable"
        case .throttled: "throttled"
        case .failed: "failed"
        }
        Counter(label: Self.statusUpdates, dimensions: [("outcome", label)], factory: factory).increment()
        return outcome
    }
}
