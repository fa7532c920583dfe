/// Why a status list exists (`statusPurpose`): the spec names four values but allows others,
/// so this is a struct over the string rather than an enum.
public struct StatusPurpose: Hashable, Sendable, CustomStringConvertible {
    /// The exact string from the credential.
    public let rawValue: String

    /// A purpose from its string.
    /// - Parameter rawValue: a non-empty purpose such as `revocation`.
    /// - Throws: `CredentialsError.invalidStatusEntry` for the empty string.
    public init(_ rawValue: String) throws {
        guard !rawValue.isEmpty else {
            throw CredentialsError.invalidStatusEntry("A statusPurpose must not be empty.")
        }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    /// A set bit revokes the credential for good.
    public static let revocation = Self(known: "revocation")
    /// A set bit suspends the credential until the bit is cleared.
    public static let suspension = Self(known: "suspension")
    /// The status selects one of the entry's status messages.
    public static let message = Self(known: "message")
    /// A set bit means a refreshed credential is available.
    public static let refresh = Self(known: "refresh")

    /// The purpose string.
    public var description: String { rawValue }
}
