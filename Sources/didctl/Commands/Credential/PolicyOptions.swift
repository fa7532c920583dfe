import ArgumentParser
import Credentials

/// `--policy NAME [--policies FILE]`: a built-in verification policy, or one of the
/// operator's, defined in a policy file (`specs/credentials.md` §8).
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The verification policy: standard (checks what the credential carries), accredited (also requires a registered schema, an accreditation, a status entry, anchored evidence and, for presentations, a holder who is every credential's subject), or one defined in --policies.",
        valueName: "name"))
    var policy: String = "standard"

    @Option(help: ArgumentHelp(
        "A JSON file of your own policies, {\"policies\": [{\"name\": …, \"checks\": {\"status\": \"required\", …}, \"clockSkewSeconds\": …, \"bindsHolder\": …}]}.",
        valueName: "file"))
    var policies: String?

    func validate() throws {
        if policies == nil, VerificationPolicy(name: policy) == nil {
            throw ValidationError("--policy must be standard or accredited, or a policy defined in a file given with --policies.")
        }
    }

    /// The chosen policy.
    /// - Throws: `DidctlFailure` naming a policy file that cannot be used or a name it lacks.
    func resolved() throws -> VerificationPolicy {
        if let builtIn = VerificationPolicy(name: policy) { return builtIn }
        guard let policies else { throw DidctlFailure("--policy must be standard or accredited.") }
        let defined: [String: VerificationPolicy]
        do { defined = try VerificationPolicy.definitions(file: policies) } catch let error as CredentialsError { throw DidctlFailure(error.reason) }
        guard let chosen = defined[policy] else {
            throw DidctlFailure("\(policies) defines no policy '\(policy)'; it defines \(defined.keys.sorted().joined(separator: ", ")).")
        }
        return chosen
    }
}
