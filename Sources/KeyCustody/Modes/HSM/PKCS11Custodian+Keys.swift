internal import CPKCS11
internal import Primitives

extension PKCS11Custodian {
    /// The key labelled `key.id`, from the cache or the token.
    func heldKey(_ key: KeyReference) throws -> HeldKey {
        if let cached = heldKeys.withLock({ $0[key.id] }) { return cached }
        let found = try sessions.withSession { try findKey(labelled: key.id, in: $0) }
        heldKeys.withLock { $0[key.id] = found }
        return found
    }

    /// Drops a cached key after a failure, so the next call looks it up afresh (it may have been
    /// replaced in the token).
    func forget(_ key: KeyReference) {
        _ = heldKeys.withLock { $0.removeValue(forKey: key.id) }
    }

    /// A template matching EC key objects of `objectClass` labelled `label`.
    func keyTemplate(_ objectClass: CK_OBJECT_CLASS, label: String) -> PKCS11Template {
        var template = PKCS11Template()
        template.append(CKA_CLASS, objectClass)
        template.append(CKA_KEY_TYPE, CK_KEY_TYPE(CKK_EC))
        template.append(CKA_LABEL, Array(label.utf8))
        return template
    }

    private func findKey(labelled label: String, in session: CK_SESSION_HANDLE) throws -> HeldKey {
        let privateKeys = try module.findObjects(keyTemplate(CKO_PRIVATE_KEY, label: label), limit: 2, in: session)
        guard let privateKey = privateKeys.first else {
            throw KeyCustodyError(.keyNotFound, "Token \"\(tokenLabel)\" has no EC private key labelled \"\(label)\".")
        }
        let publicKeys = try module.findObjects(keyTemplate(CKO_PUBLIC_KEY, label: label), limit: 2, in: session)
        guard privateKeys.count == 1, publicKeys.count <= 1 else {
            throw KeyCustodyError(.invalidInput, "Token \"\(tokenLabel)\" holds several keys labelled \"\(label)\"; give each key a unique label.")
        }
        guard let publicObject = publicKeys.first else {
            throw KeyCustodyError(.keyNotFound, "Token \"\(tokenLabel)\" has the private key \"\(label)\" but no public-key object with that label.")
        }
        guard try module.attribute(CKA_EC_PARAMS, of: publicObject, in: session) == PKCS11ECEncoding.secp256k1Parameters else {
            throw KeyCustodyError(.invalidInput, "The key labelled \"\(label)\" in token \"\(tokenLabel)\" is not a secp256k1 key.")
        }
        let point = try PKCS11ECEncoding.point(fromECPoint: module.attribute(CKA_EC_POINT, of: publicObject, in: session))
        guard let publicKey = try? Secp256k1PublicKey(point) else {
            throw KeyCustodyError(.backendFailure, "The public key labelled \"\(label)\" in token \"\(tokenLabel)\" is not a point on secp256k1.")
        }
        return HeldKey(privateKey: privateKey, publicKey: publicKey)
    }
}
