internal import CPKCS11
internal import Primitives

/// The sessions of one custodian on one token: an anchor session that holds the login for the
/// custodian's lifetime, and idle read-only sessions lent out one operation at a time.
///
/// PKCS#11 allows one active operation per session, so concurrent signers each need their own;
/// reusing idle ones saves a `C_OpenSession` per signature.
final class PKCS11SessionPool: Sendable {
    /// Idle sessions kept beyond this are closed rather than pooled.
    static let capacity = 16

    let module: PKCS11Module
    let slot: CK_SLOT_ID
    private let anchor: CK_SESSION_HANDLE
    private let idle = Locked<[CK_SESSION_HANDLE]>([])

    /// Opens the anchor session and logs in through it.
    /// - Throws: `authenticationFailed`, `lockedOut` or the mapped PKCS#11 error.
    init(module: PKCS11Module, slot: CK_SLOT_ID, token: String, pin: SecureBytes) throws {
        let anchor = try module.openSession(slot: slot, readWrite: false)
        do {
            try module.logIn(slot: slot, token: token, session: anchor, pin: pin)
        } catch {
            module.closeSession(anchor)
            throw error
        }
        (self.module, self.slot, self.anchor) = (module, slot, anchor)
    }

    deinit {
        idle.withLock { $0 }.forEach(module.closeSession)
        module.logOut(slot: slot, anchor: anchor)
    }

    /// Lends a session to `body` for one operation.
    ///
    /// A session whose operation failed is closed rather than pooled, since it may still hold an
    /// unfinished operation or belong to a device that went away.
    func withSession<R>(readWrite: Bool = false, _ body: (CK_SESSION_HANDLE) throws -> R) throws -> R {
        let pooled = readWrite ? nil : idle.withLock { $0.popLast() }
        let session = try pooled ?? module.openSession(slot: slot, readWrite: readWrite)
        let result: R
        do {
            result = try body(session)
        } catch {
            module.closeSession(session)
            throw error
        }
        let kept = !readWrite && idle.withLock { sessions in
            guard sessions.count < Self.capacity else { return false }
            sessions.append(session)
            return true
        }
        if !kept { module.closeSession(session) }
        return result
    }
}
