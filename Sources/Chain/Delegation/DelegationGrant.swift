import Foundation
public import KeyCustody
public import Primitives

/// The body of a `delegation.grant` transaction: the delegator's ``DelegationTerms`` and its
/// ECDSA signature over ``DelegationTerms/digest(chainId:)``, as JCS JSON
/// `{"grant": {...}, "signature": "<base64url r‖s>"}`.
public struct DelegationGrant: Sendable, Hashable {
    /// What is granted.
    public let terms: DelegationTerms
    /// 64 bytes, low S, by the terms' `delegatorKey`.
    public let signature: [UInt8]

    /// Wraps terms and a signature made elsewhere.
    public init(terms: DelegationTerms, signature: [UInt8]) {
        self.terms = terms
        self.signature = signature
    }

    /// Signs terms through the delegator's custodian (any custody mode).
    /// - Throws: the custodian's errors; `ChainError.invalidBody` for unencodable terms.
    public static func signed(_ terms: DelegationTerms, chainId: String, custodian: any KeyCustodian,
                              key: KeyReference) async throws -> DelegationGrant {
        let signature = try await custodian.sign(digest: try terms.digest(chainId: chainId), with: key)
        return DelegationGrant(terms: terms, signature: signature.compactRepresentation)
    }

    /// The JCS JSON body.
    public func body() throws(ChainError) -> [UInt8] {
        let terms: JSONValue
        do { terms = try JSONValue(parsing: try self.terms.canonicalBytes()) } catch {
            throw .invalidBody("The delegation terms cannot be encoded.")
        }
        return JCS.canonicalize(["grant": terms, "signature": .string(Base64URL.encode(signature))])
    }

    /// Parses a body strictly: only the members the signature covers, in canonical form.
    /// - Throws: `ChainError.invalidBody` naming what is wrong.
    public init(body: [UInt8]) throws(ChainError) {
        let (member, signature) = try DelegationBody.parse(body, member: "grant")
        do { terms = try JSONDecoder().decode(DelegationTerms.self, from: Data(JCS.canonicalize(member))) } catch {
            throw (error as? ChainError) ?? .invalidBody("The grant's terms are incomplete: \(error).")
        }
        guard try terms.canonicalBytes() == JCS.canonicalize(member) else {
            throw .invalidBody("The grant holds members its signature would not cover.")
        }
        self.signature = signature
    }

    /// Whether the signature is the delegator key's over these terms on `chainId`.
    public func isSigned(chainId: String) -> Bool {
        guard let key = try? terms.signingKey(), let digest = try? terms.digest(chainId: chainId),
              let signature = try? Secp256k1ECDSASignature(compactRepresentation: signature) else { return false }
        return key.isValidSignature(signature, forDigest: digest)
    }
}

/// The shared shape of delegation bodies: `{"<member>": {...}, "signature": "<base64url>"}`.
enum DelegationBody {
    static func parse(_ body: [UInt8], member: String) throws(ChainError) -> (JSONValue, [UInt8]) {
        guard let json = try? JSONValue(parsing: body), let object = json.objectValue,
              Set(object.keys) == [member, "signature"], let value = object[member], value.objectValue != nil else {
            throw .invalidBody("A delegation body is a JSON object with exactly '\(member)' (an object) and 'signature'.")
        }
        guard let text = object["signature"]?.stringValue, let signature = try? Base64URL.decode(text), signature.count == 64 else {
            throw .invalidBody("The delegation's 'signature' is not 64 bytes of base64url.")
        }
        return (value, signature)
    }
}
