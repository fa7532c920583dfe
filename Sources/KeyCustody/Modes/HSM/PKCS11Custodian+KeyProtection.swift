internal import CPKCS11

extension PKCS11Custodian {
    /// How the token protects the private key labelled `key.id`.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown label.
    package func keyProtection(for key: KeyReference) throws -> PKCS11KeyProtection {
        let held = try heldKey(key)
        return try sessions.withSession { session in
            try PKCS11KeyProtection(of: held.privateKey, module: module, session: session)
        }
    }
}
