public import DID

/// An issuer's application and accreditation history in the issuer registry
/// (`specs/credentials.md` §5.4).
public struct IssuerRecord: Sendable, Hashable {
    /// One period during which an issuer was accredited for a schema.
    public struct Accreditation: Sendable, Hashable {
        /// The block time the accreditation took effect, ms.
        public let from: UInt64
        /// The block time it was revoked, ms; `nil` while in force.
        public var until: UInt64?

        /// Whether the period covers `time`: `from ≤ time < until`.
        /// - Parameter time: ms since 1970.
        /// - Returns: `true` inside the period.
        public func contains(_ time: UInt64) -> Bool { from <= time && until.map { time < $0 } ?? true }
    }

    /// The issuer's DID.
    public let did: DID
    /// The name given in the latest application.
    public var name: String
    /// The CPT numbers applied for, ascending.
    public var appliedSchemas: [UInt64]
    /// The block time of the latest application, ms.
    public var applied: UInt64
    /// The accreditation periods by CPT number, oldest first.
    public var accreditations: [UInt64: [Accreditation]]

    /// Whether the issuer was accredited for a CPT at a time.
    /// - Parameters:
    ///   - number: the CPT number (all versions are covered).
    ///   - time: ms since 1970.
    /// - Returns: `true` when one of the CPT's accreditation periods contains `time`.
    public func isAccredited(schema number: UInt64, at time: UInt64) -> Bool {
        accreditations[number]?.contains { $0.contains(time) } ?? false
    }

    /// The CPT numbers for which an accreditation is in force now, ascending.
    public var currentlyAccredited: [UInt64] {
        accreditations.filter { $0.value.last?.until == nil && !$0.value.isEmpty }.keys.sorted()
    }
}
