package import Primitives

extension DataIntegrity {
    /// The most proofs one document may carry: each costs a canonicalization and a key lookup.
    package static let maximumProofs = 8

    /// Splits a secured document into the document without proofs and its proofs: one
    /// `proof` object, or a proof set or chain as an array of objects (W3C VC Data Integrity
    /// §2.1.1, §2.1.2).
    /// - Parameter securedDocument: The secured document.
    /// - Returns: The unsecured document and the proofs, in document order.
    /// - Throws: `CredentialsError.invalidProof` when there is no proof, a member of the set is
    ///   not an object, or there are more than ``maximumProofs``.
    package static func proofs(of securedDocument: JSONObject) throws -> (unsecured: JSONObject, proofs: [JSONObject]) {
        var unsecured = securedDocument
        let proofs: [JSONObject]
        switch unsecured.removeValue(forKey: "proof") {
        case .object(let proof)?: proofs = [proof]
        case .array(let values)?:
            proofs = try values.map { value in
                guard case .object(let proof) = value else { throw CredentialsError.invalidProof("Every member of a proof set must be a proof object.") }
                return proof
            }
        case nil: throw CredentialsError.invalidProof("The document has no proof.")
        default: throw CredentialsError.invalidProof("'proof' must be one proof object, or an array of them (a proof set or chain).")
        }
        guard !proofs.isEmpty, proofs.count <= maximumProofs else {
            throw CredentialsError.invalidProof("A document carries 1 to \(maximumProofs) proofs, not \(proofs.count).")
        }
        return (unsecured, proofs)
    }

    /// The document a proof of a set or chain was made over (W3C VC Data Integrity §4.4,
    /// step 4): the unsecured document, with `proof` set to the proofs its `previousProof`
    /// names when it is part of a chain.
    /// - Parameters:
    ///   - proof: The proof being checked.
    ///   - unsecured: The document without any proof.
    ///   - allProofs: Every proof of the document.
    /// - Returns: The input document of the proof.
    /// - Throws: `CredentialsError.invalidProof` when `previousProof` is not a string or array
    ///   of strings, or names a proof the document does not carry.
    package static func input(for proof: JSONObject, unsecured: JSONObject, allProofs: [JSONObject]) throws -> JSONObject {
        guard let previous = proof["previousProof"] else { return unsecured }
        let identifiers: [String]
        switch previous {
        case .string(let identifier): identifiers = [identifier]
        case .array(let values) where values.allSatisfy({ $0.stringValue != nil }): identifiers = values.compactMap(\.stringValue)
        default: throw CredentialsError.invalidProof("previousProof must be a proof id or an array of them.")
        }
        var matching: [JSONValue] = []
        for identifier in identifiers {
            guard let found = allProofs.first(where: { $0["id"]?.stringValue == identifier }) else {
                throw CredentialsError.invalidProof("The proof chain names a previous proof \(identifier) the document does not carry.")
            }
            matching.append(.object(found))
        }
        var input = unsecured
        input["proof"] = .array(matching)
        return input
    }

    /// Checks every proof of a document that carries one proof, a proof set or a chain.
    /// - Parameters:
    ///   - securedDocument: The secured document.
    ///   - key: The key of each proof's verification method, or `nil` when it is not known.
    /// - Returns: One verdict per proof, in document order; a proof whose key is unknown is
    ///   `.invalid(.keyDoesNotMatchCryptosuite)`.
    /// - Throws: `CredentialsError` when a proof cannot be read or the document has no
    ///   canonical form.
    package static func verifyAll(securedDocument: JSONObject, key: (DataIntegrityProof) -> DataIntegrityVerificationKey?) throws
        -> [DataIntegrityVerification] {
        let (unsecured, proofs) = try proofs(of: securedDocument)
        return try proofs.map { proofObject in
            guard let key = key(try DataIntegrityProof(parsing: proofObject)) else { return .invalid(reason: .keyDoesNotMatchCryptosuite) }
            return try verify(proof: proofObject, over: try input(for: proofObject, unsecured: unsecured, allProofs: proofs), key: key)
        }
    }
}
