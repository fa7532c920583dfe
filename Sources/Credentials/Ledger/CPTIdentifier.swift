/// The identifier of one version of a registered credential schema (CPT):
/// `urn:chancery:cpt:<number>:<version>` (`specs/credentials.md` §5.2).
public struct CPTIdentifier: Hashable, Sendable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    /// The text before the number.
    public static let prefix = "urn:chancery:cpt:"

    /// The CPT's number, the same for all its versions (the first is 1000).
    public let number: UInt64
    /// The version, from 1.
    public let version: UInt64

    /// Creates an identifier.
    /// - Parameters:
    ///   - number: the CPT number.
    ///   - version: the version, from 1.
    public init(number: UInt64, version: UInt64) {
        self.number = number
        self.version = version
    }

    /// Parses `urn:chancery:cpt:<number>:<version>` (decimal, no leading zeros, version ≥ 1).
    /// - Throws: `CredentialsError.invalidCPTIdentifier` for any other text.
    public init(parsing text: String) throws {
        guard text.hasPrefix(Self.prefix) else {
            throw CredentialsError.invalidCPTIdentifier("A CPT identifier starts with '\(Self.prefix)'.")
        }
        let parts = text.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Self.decimal(parts[0]), let version = Self.decimal(parts[1]), version >= 1 else {
            throw CredentialsError.invalidCPTIdentifier("'\(text)' is not \(Self.prefix)<number>:<version> with a version from 1.")
        }
        self.init(number: number, version: version)
    }

    /// Parses the text form, or returns `nil`.
    public init?(_ description: String) { try? self.init(parsing: description) }

    /// `urn:chancery:cpt:<number>:<version>`.
    public var description: String { "\(Self.prefix)\(number):\(version)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.number, lhs.version) < (rhs.number, rhs.version) }

    private static func decimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), text == "0" || !text.hasPrefix("0") else { return nil }
        return UInt64(text)
    }
}
