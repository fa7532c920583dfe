internal import CPKCS11

extension PKCS11Module {
    /// The handles of up to `limit` objects matching `template`.
    func findObjects(_ template: PKCS11Template, limit: Int, in session: CK_SESSION_HANDLE) throws -> [CK_OBJECT_HANDLE] {
        try template.withAttributes { attributes, count in
            try check("C_FindObjectsInit", functions.C_FindObjectsInit!(session, attributes, count), "Searching the token")
        }
        defer { _ = functions.C_FindObjectsFinal!(session) }
        var handles = [CK_OBJECT_HANDLE](repeating: 0, count: limit)
        var found: CK_ULONG = 0
        try check("C_FindObjects", functions.C_FindObjects!(session, &handles, CK_ULONG(limit), &found), "Searching the token")
        return Array(handles.prefix(Int(found)))
    }

    /// The value of one attribute of an object.
    /// - Throws: the mapped error, e.g. `backendFailure` naming `CKR_ATTRIBUTE_SENSITIVE` for a
    ///   secret the token will not reveal.
    func attribute(_ type: CK_ATTRIBUTE_TYPE, of object: CK_OBJECT_HANDLE, in session: CK_SESSION_HANDLE) throws -> [UInt8] {
        var query = CK_ATTRIBUTE(type: type, pValue: nil, ulValueLen: 0)
        let context = "Reading attribute 0x\(String(type, radix: 16)) of object \(object)"
        try check("C_GetAttributeValue", functions.C_GetAttributeValue!(session, object, &query, 1), context)
        var value = [UInt8](repeating: 0, count: Int(query.ulValueLen))
        try value.withUnsafeMutableBytes { buffer in
            query.pValue = buffer.baseAddress
            try check("C_GetAttributeValue", functions.C_GetAttributeValue!(session, object, &query, 1), context)
        }
        return Array(value.prefix(Int(query.ulValueLen)))
    }
}
