internal import CPKCS11
public import Primitives

extension PKCS11Custodian {
    /// Generates a secp256k1 key pair inside the token, for accounts whose HSM key does not
    /// exist yet; the private key is a sensitive, non-extractable token object that can only sign.
    /// - Parameter label: the `CKA_LABEL` of both halves, later the key's ``KeyReference``.
    /// - Returns: the new public key.
    /// - Throws: `KeyCustodyError.invalidInput` when the token already holds an object with that
    ///   label; `.backendFailure` when the token refuses (for instance, no secp256k1 support).
    public func generateKey(label: String) async throws -> Secp256k1PublicKey {
        try generation.withLock { _ in
            try sessions.withSession(readWrite: true) { session in
                var any = PKCS11Template()
                any.append(CKA_LABEL, Array(label.utf8))
                guard try module.findObjects(any, limit: 1, in: session).isEmpty else {
                    throw KeyCustodyError(.invalidInput, "Token \"\(tokenLabel)\" already holds an object labelled \"\(label)\".")
                }
                try generateKeyPair(label: label, in: session)
            }
        }
        return try heldKey(KeyReference(label)).publicKey
    }

    /// Generates a key pair of a type inside the token.
    ///
    /// Only secp256k1 is offered: PKCS#11 (up to 3.1) defines no SM2 mechanism or curve
    /// parameters of its own, devices that hold SM2 keys use vendor-defined mechanisms, and
    /// SoftHSM2, the token the tests and demos use, has no SM2 at all (`specs/custody.md`
    /// §1.1). A member whose SM2 key must stay in custody uses partial custody or the vault.
    /// - Parameters:
    ///   - label: the `CKA_LABEL` of both halves.
    ///   - type: the key type.
    /// - Returns: the new public key.
    /// - Throws: `KeyCustodyError.unsupportedKeyType` for SM2, before the token is touched;
    ///   otherwise as ``generateKey(label:)``.
    public func generateKey(label: String, type: KeyType) async throws -> CustodyPublicKey {
        guard type == .secp256k1 else { throw Self.unsupported(type) }
        return .secp256k1(try await generateKey(label: label))
    }

    /// The refusal of a key type other than secp256k1, naming why.
    static func unsupported(_ type: KeyType) -> KeyCustodyError {
        KeyCustodyError(.unsupportedKeyType,
            "PKCS#11 custody holds secp256k1 keys only: PKCS#11 defines no \(type) mechanism and SoftHSM2 offers no SM2; keep \(type) keys in partial custody or the vault.")
    }

    private func generateKeyPair(label: String, in session: CK_SESSION_HANDLE) throws {
        // CKA_ID pairs the two halves for tools such as pkcs11-tool; Chancery itself uses labels.
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        var publicTemplate = keyTemplate(CKO_PUBLIC_KEY, label: label)
        publicTemplate.append(CKA_ID, id)
        publicTemplate.append(CKA_TOKEN, true)
        publicTemplate.append(CKA_PRIVATE, false)
        publicTemplate.append(CKA_VERIFY, true)
        publicTemplate.append(CKA_EC_PARAMS, PKCS11ECEncoding.secp256k1Parameters)
        var privateTemplate = keyTemplate(CKO_PRIVATE_KEY, label: label)
        privateTemplate.append(CKA_ID, id)
        privateTemplate.append(CKA_TOKEN, true)
        privateTemplate.append(CKA_PRIVATE, true)
        privateTemplate.append(CKA_SENSITIVE, true)
        privateTemplate.append(CKA_EXTRACTABLE, false)
        privateTemplate.append(CKA_SIGN, true)
        privateTemplate.append(CKA_DERIVE, false)
        var mechanism = CK_MECHANISM(mechanism: CK_MECHANISM_TYPE(CKM_EC_KEY_PAIR_GEN), pParameter: nil, ulParameterLen: 0)
        var publicKey: CK_OBJECT_HANDLE = 0
        var privateKey: CK_OBJECT_HANDLE = 0
        let rv = publicTemplate.withAttributes { publicAttributes, publicCount in
            privateTemplate.withAttributes { privateAttributes, privateCount in
                module.functions.C_GenerateKeyPair!(session, &mechanism, publicAttributes, publicCount,
                                                    privateAttributes, privateCount, &publicKey, &privateKey)
            }
        }
        try module.check("C_GenerateKeyPair", rv, "Generating key \"\(label)\" in token \"\(tokenLabel)\"")
    }
}
