import Node
import ArgumentParser
import DID
import Primitives

/// A service given on the command line as `ID=TYPE=URL`, such as
/// `agent=LinkedDomains=https://alice.example/`. An id without a scheme is a fragment of the
/// DID; the URL may itself hold '=' (only the first two separate the parts).
struct ServiceArgument: ExpressibleByArgument {
    let id: String
    let type: String
    let endpoint: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }), Self.hasScheme(parts[2]) else { return nil }
        (id, type, endpoint) = (parts[0], parts[1], parts[2])
    }

    static let help = "ID=TYPE=URL, such as agent=LinkedDomains=https://example.com/"

    /// The service as `did`'s document lists it.
    func service(for did: DID) -> Service {
        Service(id: Self.serviceID(id, in: did), type: .one(type), serviceEndpoint: .string(endpoint))
    }

    /// The full id of a service named on the command line: `agent` and `#agent` are fragments
    /// of `did`; anything with a scheme is taken as it is.
    static func serviceID(_ text: String, in did: DID) -> String {
        if text.contains(":") { return text }
        return "\(did)#\(text.hasPrefix("#") ? String(text.dropFirst()) : text)"
    }

    /// Whether `text` starts with an RFC 3986 scheme and ':', the least a service endpoint URI has.
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
