internal import Foundation
public import Primitives

extension CredentialsError.Code {
    /// A verification policy definition that cannot be used; the reason names the member.
    public static let invalidPolicy = Self("invalidPolicy")
}

extension VerificationPolicy {
    /// The checks a definition can list, by name, in the order they run.
    static let checkNames: [(name: VerificationCheck.Name, make: @Sendable (Bool) -> any CredentialCheck)] = [
        (.validity, { ValidityCheck(required: $0) }), (.schema, { SchemaCheck(required: $0) }),
        (.accreditation, { AccreditationCheck(required: $0) }), (.status, { StatusCheck(required: $0) }),
        (.evidence, { EvidenceCheck(required: $0) }), (.holderBinding, { HolderBindingCheck(required: $0) }),
    ]

    /// A policy an operator wrote down:
    /// `{"name": "revocable", "checks": {"validity": "required", "status": "required", "schema": "optional"},
    ///   "clockSkewSeconds": 60, "bindsHolder": false}`. The checks run in the order of
    /// ``VerificationCheck/Name``; one left out is neither run nor reported.
    /// - Parameter definition: the JSON object.
    /// - Throws: `CredentialsError.invalidPolicy` naming the member that is wrong (an unknown
    ///   check or requirement, a reserved name, a negative skew, an unknown member).
    public init(definition: JSONValue) throws {
        guard case .object(let object) = definition else { throw CredentialsError(.invalidPolicy, "A policy is a JSON object.") }
        let known: Set<String> = ["name", "checks", "clockSkewSeconds", "bindsHolder"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw CredentialsError(.invalidPolicy, "A policy has no member '\(unknown)'; it has \(known.sorted().joined(separator: ", ")).")
        }
        guard let name = object["name"]?.stringValue, !name.isEmpty else { throw CredentialsError(.invalidPolicy, "A policy needs a 'name'.") }
        guard VerificationPolicy(name: name) == nil else {
            throw CredentialsError(.invalidPolicy, "'\(name)' is a built-in policy; give yours another name.")
        }
        guard case .object(let listed)? = object["checks"] else {
            throw CredentialsError(.invalidPolicy, "Policy '\(name)' needs 'checks': an object from check names to \"required\" or \"optional\".")
        }
        let names = Self.checkNames.map(\.name.rawValue)
        if let unknown = listed.keys.first(where: { !names.contains($0) }) {
            throw CredentialsError(.invalidPolicy, "Policy '\(name)' lists an unknown check '\(unknown)'; the checks are \(names.joined(separator: ", ")).")
        }
        var checks: [any CredentialCheck] = []
        for entry in Self.checkNames {
            guard let requirement = listed[entry.name.rawValue] else { continue }
            switch requirement.stringValue {
            case "required": checks.append(entry.make(true))
            case "optional": checks.append(entry.make(false))
            default: throw CredentialsError(.invalidPolicy, "Policy '\(name)': check '\(entry.name.rawValue)' must be \"required\" or \"optional\".")
            }
        }
        var skew: Int64 = 0
        if let seconds = object["clockSkewSeconds"] {
            guard let value = seconds.doubleValue, let whole = Int64(exactly: value), (0...3_600).contains(whole) else {
                throw CredentialsError(.invalidPolicy, "Policy '\(name)': clockSkewSeconds must be a whole number from 0 to 3600.")
            }
            skew = whole * 1_000
        }
        var binds = false
        if let value = object["bindsHolder"] {
            guard let flag = value.boolValue else { throw CredentialsError(.invalidPolicy, "Policy '\(name)': bindsHolder must be true or false.") }
            binds = flag
        }
        self.init(name: name, checks: checks, clockSkew: skew, bindsHolder: binds)
    }

    /// The policies of a file `{"policies": [definition, …]}`, by name.
    /// - Throws: `CredentialsError.invalidPolicy` naming the file and what is wrong, or a name
    ///   defined twice.
    public static func definitions(file path: String) throws -> [String: VerificationPolicy] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialsError(.invalidPolicy, "The policy file \(path) cannot be read.")
        }
        guard case .array(let entries)? = (try? JSONValue(parsing: [UInt8](data)))?["policies"] else {
            throw CredentialsError(.invalidPolicy, "The policy file \(path) must be {\"policies\": [ … ]}.")
        }
        var policies: [String: VerificationPolicy] = [:]
        for entry in entries {
            let policy: VerificationPolicy
            do { policy = try VerificationPolicy(definition: entry) } catch let error as CredentialsError {
                throw CredentialsError(.invalidPolicy, "\(path): \(error.reason)")
            }
            guard policies[policy.name] == nil else { throw CredentialsError(.invalidPolicy, "\(path) defines '\(policy.name)' twice.") }
            policies[policy.name] = policy
        }
        return policies
    }
}
