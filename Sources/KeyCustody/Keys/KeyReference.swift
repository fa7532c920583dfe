/// Names a key inside one custodian (an HSM label, a keystore entry, a vault account), without
/// carrying any key material.
public struct KeyReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The custodian-specific identifier.
    public let id: String

    /// Creates a reference.
    /// - Parameter id: the identifier within its custodian.
    public init(_ id: String) { self.id = id }

    public var description: String { id }
}
