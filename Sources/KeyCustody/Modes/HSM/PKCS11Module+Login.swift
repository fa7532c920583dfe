internal import CPKCS11
internal import Primitives

extension PKCS11Module {
    /// Logs the process in to `slot`'s token as user through `session` (see `PKCS11Registry`).
    func logIn(slot: CK_SLOT_ID, token: String, session: CK_SESSION_HANDLE, pin: SecureBytes) throws {
        try PKCS11Registry.shared.logIn(handle, slot: slot, token: token, pin: pin) {
            pin.withUnsafeBytes { bytes in
                let pointer = UnsafeMutablePointer(mutating: bytes.bindMemory(to: CK_UTF8CHAR.self).baseAddress)
                return functions.C_Login!(session, CK_USER_TYPE(CKU_USER), pointer, CK_ULONG(bytes.count))
            }
        }
    }

    /// Ends `anchor`, the session that holds this user's login, logging out after the last user.
    func logOut(slot: CK_SLOT_ID, anchor: CK_SESSION_HANDLE) {
        PKCS11Registry.shared.logOut(handle, slot: slot) { isLast in
            if isLast { _ = functions.C_Logout!(anchor) }
            closeSession(anchor)
        }
    }
}
