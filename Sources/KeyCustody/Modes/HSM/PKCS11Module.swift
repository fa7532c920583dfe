internal import CPKCS11
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PKCS#11 module (a vendor's shared library) loaded with `dlopen` and initialised for
/// multi-threaded use; `C_Finalize` runs when the last user in the process goes away.
///
/// A final class marked `@unchecked Sendable` because it holds the module's raw function list:
/// sharing is safe since the list is never written after `C_GetFunctionList`, and
/// `CKF_OS_LOCKING_OK` obliges the module to serialise concurrent calls itself. What PKCS#11
/// does not allow, two threads in one session at once, `PKCS11SessionPool` rules out.
final class PKCS11Module: @unchecked Sendable {
    /// The path the module was loaded from, for messages.
    let path: String
    /// The module's entry points; every one Chancery calls is checked non-nil at load, so the
    /// force-unwrapped calls cannot trap.
    let functions: CK_FUNCTION_LIST
    /// The `dlopen` handle, which identifies the library in `PKCS11Registry`.
    let handle: UnsafeMutableRawPointer

    /// Loads and initialises the module at `path`.
    /// - Throws: `backendUnavailable` naming the path when it is missing, not a PKCS#11 module,
    ///   or refuses to initialise.
    init(path: String) throws {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let detail = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw KeyCustodyError(.backendUnavailable, "The PKCS#11 module at \(path) could not be loaded (\(detail)).")
        }
        var list: UnsafeMutablePointer<CK_FUNCTION_LIST>?
        guard let symbol = dlsym(handle, "C_GetFunctionList"),
              unsafeBitCast(symbol, to: CK_C_GetFunctionList.self)(&list) == CKR_OK,
              let functions = list?.pointee, Self.isComplete(functions) else {
            dlclose(handle)
            throw KeyCustodyError(.backendUnavailable, "\(path) is not a usable PKCS#11 module: C_GetFunctionList is missing, failed or lacks functions.")
        }
        do {
            try PKCS11Registry.shared.retain(handle, path: path) {
                var arguments = CK_C_INITIALIZE_ARGS()
                arguments.flags = CK_FLAGS(CKF_OS_LOCKING_OK)
                return functions.C_Initialize!(&arguments)
            }
        } catch {
            dlclose(handle)
            let reason = (error as? KeyCustodyError)?.reason ?? "\(error)"
            throw KeyCustodyError(.backendUnavailable, "The PKCS#11 module at \(path) loaded but could not be used: \(reason)")
        }
        (self.path, self.functions, self.handle) = (path, functions, handle)
    }

    deinit {
        PKCS11Registry.shared.release(handle) { _ = functions.C_Finalize!(nil) }
        dlclose(handle)
    }

    /// The tokens present, by slot, with their labels (the 32-byte field without its padding).
    func tokens() throws -> [(slot: CK_SLOT_ID, label: String)] {
        var slots: [CK_SLOT_ID] = []
        var rv = CKR_BUFFER_TOO_SMALL
        while rv == CKR_BUFFER_TOO_SMALL {  // a token may appear between the two calls
            var count: CK_ULONG = 0
            try check("C_GetSlotList", functions.C_GetSlotList!(CK_BBOOL(CK_TRUE), nil, &count), "Listing slots")
            slots = Array(repeating: 0, count: Int(count))
            rv = functions.C_GetSlotList!(CK_BBOOL(CK_TRUE), &slots, &count)
            slots = Array(slots.prefix(Int(count)))
        }
        try check("C_GetSlotList", rv, "Listing slots")
        return try slots.map { slot in
            var info = CK_TOKEN_INFO()
            try check("C_GetTokenInfo", functions.C_GetTokenInfo!(slot, &info), "Reading the token in slot \(slot)")
            var label = withUnsafeBytes(of: info.label) { Array($0) }
            while let last = label.last, last == 0x20 || last == 0 { label.removeLast() }
            return (slot, String(decoding: label, as: UTF8.self))
        }
    }

    /// The slot holding the token labelled `label`.
    /// - Throws: `backendUnavailable` listing the labels present when none (or several) match.
    func slot(tokenLabel label: String) throws -> CK_SLOT_ID {
        let tokens = try tokens()
        let matches = tokens.filter { $0.label == label }
        guard matches.count == 1 else {
            let present = tokens.map { "\"\($0.label)\"" }.joined(separator: ", ")
            let problem = matches.isEmpty ? "No token" : "\(matches.count) tokens"
            throw KeyCustodyError(.backendUnavailable, "\(problem) labelled \"\(label)\" in \(path); tokens present: \(present.isEmpty ? "none" : present).")
        }
        return matches[0].slot
    }

    /// Opens a session on `slot`; read-write only where objects are created.
    func openSession(slot: CK_SLOT_ID, readWrite: Bool) throws -> CK_SESSION_HANDLE {
        var session: CK_SESSION_HANDLE = 0
        let flags = CK_FLAGS(CKF_SERIAL_SESSION) | (readWrite ? CK_FLAGS(CKF_RW_SESSION) : 0)
        try check("C_OpenSession", functions.C_OpenSession!(slot, flags, nil, nil, &session), "Opening a session")
        return session
    }

    /// Closes a session, ignoring failure: there is nothing left to do with it either way.
    func closeSession(_ session: CK_SESSION_HANDLE) { _ = functions.C_CloseSession!(session) }

    /// Throws the mapped `KeyCustodyError` unless `rv` is `CKR_OK`.
    func check(_ function: String, _ rv: CK_RV, _ context: @autoclosure () -> String) throws {
        guard rv == CKR_OK else { throw KeyCustodyError(pkcs11: function, rv, context()) }
    }

    private static func isComplete(_ f: CK_FUNCTION_LIST) -> Bool {
        f.C_Initialize != nil && f.C_Finalize != nil && f.C_GetSlotList != nil && f.C_GetTokenInfo != nil
            && f.C_OpenSession != nil && f.C_CloseSession != nil && f.C_Login != nil && f.C_Logout != nil
            && f.C_FindObjectsInit != nil && f.C_FindObjects != nil && f.C_FindObjectsFinal != nil
            && f.C_GetAttributeValue != nil && f.C_SignInit != nil && f.C_Sign != nil && f.C_GenerateKeyPair != nil
    }
}
