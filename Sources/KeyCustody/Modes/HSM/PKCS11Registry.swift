internal import CPKCS11
internal import Primitives

/// The process-wide state of each loaded PKCS#11 library: who still uses it and which tokens
/// this process is logged in to.
///
/// Both are properties of the library, not of one `PKCS11Module` value: `dlopen` hands every
/// loader the same library, `C_Initialize` may run only once until `C_Finalize`, and PKCS#11
/// login is shared by all sessions of the process on a token. Records are keyed by the
/// `dlopen` handle, so two spellings of one path share a record.
final class PKCS11Registry: Sendable {
    /// The one registry of the process.
    static let shared = PKCS11Registry()

    private struct Library {
        var users = 0
        /// `false` when someone else in the process had already initialised the library, in
        /// which case finalising it is theirs to do.
        var ownsInitialization = true
        var logins: [CK_SLOT_ID: Login] = [:]
    }

    private struct Login {
        let pin: SecureBytes
        var holders: Int
    }

    private let libraries = Locked<[UnsafeMutableRawPointer: Library]>([:])

    /// Records one more user of the library, calling `initialize` (`C_Initialize`) for the first.
    /// - Throws: the mapped error when `initialize` fails.
    func retain(_ handle: UnsafeMutableRawPointer, path: String, initialize: () -> CK_RV) throws {
        try libraries.withLock { libraries in
            var library = libraries[handle] ?? Library()
            if library.users == 0 {
                let rv = initialize()
                guard rv == CKR_OK || rv == CKR_CRYPTOKI_ALREADY_INITIALIZED else {
                    throw KeyCustodyError(pkcs11: "C_Initialize", rv, "Initialising the module")
                }
                library.ownsInitialization = rv == CKR_OK
            }
            library.users += 1
            libraries[handle] = library
        }
    }

    /// Records that one user is gone, calling `finalize` (`C_Finalize`) after the last one.
    func release(_ handle: UnsafeMutableRawPointer, finalize: () -> Void) {
        libraries.withLock { libraries in
            guard var library = libraries[handle] else { return }
            library.users -= 1
            if library.users > 0 { libraries[handle] = library; return }
            if library.ownsInitialization { finalize() }
            libraries[handle] = nil
        }
    }

    /// Logs the process in to the token in `slot`, or, when it already is, checks `pin` against
    /// the PIN of that login: PKCS#11 answers `CKR_USER_ALREADY_LOGGED_IN` to any PIN then, so
    /// without this check a second custodian with a wrong PIN would be let in.
    /// - Throws: `authenticationFailed`, `lockedOut` or the mapped error of `login`.
    func logIn(_ handle: UnsafeMutableRawPointer, slot: CK_SLOT_ID, token: String, pin: SecureBytes, login: () -> CK_RV) throws {
        try libraries.withLock { libraries in
            if let existing = libraries[handle]?.logins[slot] {
                guard existing.pin == pin else {
                    throw KeyCustodyError(.authenticationFailed, "The PIN for token \"\(token)\" is not the one this process is logged in with.")
                }
                libraries[handle]?.logins[slot]?.holders += 1
                return
            }
            let rv = login()
            guard rv == CKR_OK else {
                throw KeyCustodyError(pkcs11: "C_Login", rv, "Logging in to token \"\(token)\"")
            }
            libraries[handle]?.logins[slot] = Login(pin: pin, holders: 1)
        }
    }

    /// Gives up one holder's login; `logout` (`C_Logout` and closing the holder's anchor
    /// session) runs under the lock, with `isLast` telling whether the login ends.
    func logOut(_ handle: UnsafeMutableRawPointer, slot: CK_SLOT_ID, logout: (_ isLast: Bool) -> Void) {
        libraries.withLock { libraries in
            let holders = (libraries[handle]?.logins[slot]?.holders ?? 1) - 1
            libraries[handle]?.logins[slot]?.holders = holders
            if holders == 0 { libraries[handle]?.logins[slot] = nil }
            logout(holders == 0)
        }
    }
}
