internal import CPKCS11

/// How a token says it protects a private key: what an operator checks before trusting a
/// linked legacy HSM key.
package struct PKCS11KeyProtection: Sendable, Equatable {
    /// `CKA_SENSITIVE`: the key's value may not leave the token in plaintext.
    package let sensitive: Bool
    /// `CKA_EXTRACTABLE`: the key may be wrapped out of the token.
    package let extractable: Bool
    /// `CKA_NEVER_EXTRACTABLE`: the key was never extractable since it was made.
    package let neverExtractable: Bool
    /// Whether `C_GetAttributeValue` actually handed out `CKA_VALUE`, the private scalar.
    package let valueReadable: Bool

    /// Reads the attributes of the private key `object`.
    init(of object: CK_OBJECT_HANDLE, module: PKCS11Module, session: CK_SESSION_HANDLE) throws {
        func flag(_ type: CK_ATTRIBUTE_TYPE) throws -> Bool {
            try module.attribute(type, of: object, in: session) != [CK_BBOOL(CK_FALSE)]
        }
        sensitive = try flag(CKA_SENSITIVE)
        extractable = try flag(CKA_EXTRACTABLE)
        neverExtractable = try flag(CKA_NEVER_EXTRACTABLE)
        valueReadable = (try? module.attribute(CKA_VALUE, of: object, in: session)) != nil
    }
}
