extension DIDURL {
    /// The DID parameters DID Core §3.2.1 defines; each may appear at most once and must have
    /// an ASCII value.
    static let didParameterNames: Set<String> = ["service", "relativeRef", "versionId", "versionTime", "hl"]

    /// The decoded value of the first query parameter called `name`.
    /// - Parameter name: the exact parameter name.
    /// - Returns: the value, or `nil` when the query has no such parameter.
    public func parameter(named name: String) -> String? {
        queryParameters.first { $0.name == name }?.value
    }

    /// The `service` DID parameter: the id of a service in the DID document.
    public var service: String? { parameter(named: "service") }

    /// The `relativeRef` DID parameter, decoded: a relative URI reference to apply to the
    /// selected service's endpoint.
    public var relativeRef: String? { parameter(named: "relativeRef") }

    /// The `versionId` DID parameter: a method-specific version of the DID document.
    public var versionId: String? { parameter(named: "versionId") }

    /// The `versionTime` DID parameter: the instant whose DID document version is wanted.
    /// Checked when the URL was parsed, so a present parameter always has a value here.
    public var versionTime: DIDDateTime? { parameter(named: "versionTime").flatMap(DIDDateTime.init(parsing:)) }

    /// The `hl` DID parameter: a hashlink of the DID document, for integrity checking.
    public var hl: String? { parameter(named: "hl") }

    /// Refuses repeated or non-ASCII DID parameters and a `versionTime` that is not a
    /// date-time, so the accessors above never meet an ambiguous or malformed value.
    func checkDIDParameters() throws {
        var seen: Set<String> = []
        for (name, value) in queryParameters where Self.didParameterNames.contains(name) {
            guard seen.insert(name).inserted else {
                throw DIDError.invalidDIDURL("The DID parameter '\(name)' appears more than once.")
            }
            guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw DIDError.invalidDIDURL("The DID parameter '\(name)' must have an ASCII value.")
            }
        }
        if let time = parameter(named: "versionTime"), DIDDateTime(parsing: time) == nil {
            throw DIDError.invalidDIDURL("The versionTime DID parameter is not an XML date-time such as 2021-05-10T17:00:00Z.")
        }
    }
}
