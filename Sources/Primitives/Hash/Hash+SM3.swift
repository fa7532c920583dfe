internal import COpenSSL

extension Hash {
    /// SM3 (GM/T 0004-2012, GB/T 32905-2016), the Chinese national hash function, computed by
    /// OpenSSL 3's libcrypto.
    ///
    /// ```swift
    /// Hash.sm3(Array("abc".utf8)) // 66c7f0f4…8f4ba8e0, GM/T 0004-2012 Appendix A.1
    /// ```
    /// - Parameter bytes: the message.
    /// - Returns: the 32-byte digest.
    public static func sm3(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let message = Array(bytes)
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = EVP_Digest(message, message.count, &digest, &length, EVP_sm3(), nil)
        // Only an allocation failure or an OpenSSL built without SM3 gets here; neither is a
        // condition a caller could handle, as with SHA-256.
        precondition(ok == 1 && length == 32, "OpenSSL's SM3 failed")
        return digest
    }
}
