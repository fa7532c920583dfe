/// The three custody modes of TrustSQL's design (DESIGN.md, "Key custody modes"); a struct
/// over a name so that modes can be added without breaking clients' `switch`es.
public struct CustodyMode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable name used on the command line and on the chain.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// The key stays in an existing HSM or USB token reached over PKCS#11.
    public static let hsm = CustodyMode("hsm")
    /// The member generates and keeps its own keys in a local encrypted keystore.
    public static let partial = CustodyMode("partial")
    /// The service generates the key and keeps it split across vault nodes.
    public static let full = CustodyMode("full")

    /// Every mode, for help text and parsing.
    public static let all: [CustodyMode] = [.hsm, .partial, .full]

    /// Parses a mode name.
    /// - Returns: the mode, or `nil` for an unknown name.
    public init?(name: String) {
        guard let mode = Self.all.first(where: { $0.name == name }) else { return nil }
        self = mode
    }

    public var description: String { name }
}
