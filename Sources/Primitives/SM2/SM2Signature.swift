internal import COpenSSL

/// An SM2 signature `(r, s)`, parsed from strict DER (GM/T 0009-2012 `SM2Signature`, the form
/// OpenSSL writes) or from the 64-byte `r ‖ s` form.
public struct SM2Signature: Sendable, Hashable {
    /// The default distinguishing identifier of GM/T 0009-2012 §10, the ASCII text
    /// `1234567812345678`.
    /// - Warning: OpenSSL 3.0's `pkeyutl` signs with an empty identifier unless given
    ///   `-pkeyopt distid:1234567812345678`.
    public static let defaultDistinguishingIdentifier: [UInt8] = Array("1234567812345678".utf8)

    /// The 64-byte `r ‖ s` form, each 32 bytes big-endian.
    public let rawRepresentation: [UInt8]

    /// Wraps the 64-byte `r ‖ s` form; ranges are checked when verifying.
    /// - Throws: `PrimitivesError.invalidSignature` for another length.
    public init(rawRepresentation raw: some Collection<UInt8>) throws {
        let bytes = Array(raw)
        guard bytes.count == 64 else {
            throw PrimitivesError.invalidSignature("A raw SM2 signature is 64 bytes, not \(bytes.count).")
        }
        rawRepresentation = bytes
    }

    /// Parses a strict DER `SEQUENCE { r INTEGER, s INTEGER }`.
    /// - Throws: `PrimitivesError.invalidSignature` for anything that is not strict DER with
    ///   non-negative integers of at most 32 bytes.
    public init(derRepresentation der: some Collection<UInt8>) throws {
        let bytes = Array(der)
        guard !bytes.isEmpty else { throw PrimitivesError.invalidSignature("The SM2 signature is empty.") }
        let parsed = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let signature = parsed else {
            ERR_clear_error()
            throw PrimitivesError.invalidSignature("The SM2 signature is not DER.")
        }
        defer { ECDSA_SIG_free(signature) }
        var r: OpaquePointer?, s: OpaquePointer?
        ECDSA_SIG_get0(signature, &r, &s)
        var raw = [UInt8](repeating: 0, count: 64)
        let fits = raw.withUnsafeMutableBufferPointer { out -> Bool in
            let base = out.baseAddress!
            return BN_bn2binpad(r, base, 32) == 32 && BN_bn2binpad(s, base + 32, 32) == 32
        }
        guard fits else { throw PrimitivesError.invalidSignature("An SM2 signature integer is longer than 32 bytes.") }
        rawRepresentation = raw
        // Re-encoding catches BER leniency, negative integers and trailing bytes.
        guard derRepresentation == bytes else { throw PrimitivesError.invalidSignature("The SM2 signature is not strict DER.") }
    }

    /// The strict DER form.
    public var derRepresentation: [UInt8] {
        let body = Self.derInteger(rawRepresentation[0..<32]) + Self.derInteger(rawRepresentation[32..<64])
        return [0x30, UInt8(body.count)] + body
    }

    private static func derInteger(_ bigEndian: ArraySlice<UInt8>) -> [UInt8] {
        var value = Array(bigEndian.drop { $0 == 0 })
        if value.first.map({ $0 & 0x80 != 0 }) ?? true { value.insert(0, at: 0) }
        return [0x02, UInt8(value.count)] + value
    }
}
