import DID

/// The id of one of an issuer's status lists: `<issuer DID>/status/<purpose>/<n>`, n from 0.
struct StatusListID: Hashable, Sendable, CustomStringConvertible {
    /// The purposes the ledger keeps lists for.
    static let purposes: Set<StatusPurpose> = [.revocation, .suspension]

    let issuer: DID
    let purpose: StatusPurpose
    let number: UInt64

    init(issuer: DID, purpose: StatusPurpose, number: UInt64) {
        self.issuer = issuer
        self.purpose = purpose
        self.number = number
    }

    /// Parses an id; `nil` for anything else (a DID has no `/`, so the split is unambiguous).
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[1] == "status", let issuer = try? DID(parsing: String(parts[0])),
              let purpose = try? StatusPurpose(String(parts[2])), Self.purposes.contains(purpose),
              let number = UInt64(parts[3]), String(number) == parts[3] else { return nil }
        self.init(issuer: issuer, purpose: purpose, number: number)
    }

    var description: String { "\(issuer)/status/\(purpose)/\(number)" }
}
