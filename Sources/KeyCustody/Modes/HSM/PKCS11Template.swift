internal import CPKCS11

/// A PKCS#11 attribute template: typed values that are laid out as a `CK_ATTRIBUTE` array
/// only for the duration of one call, so no pointer outlives the memory it points to.
struct PKCS11Template {
    private var entries: [(type: CK_ATTRIBUTE_TYPE, bytes: [UInt8])] = []

    init() {}

    /// Adds a byte-string attribute (labels, identifiers, DER parameters).
    mutating func append(_ type: CK_ATTRIBUTE_TYPE, _ bytes: [UInt8]) { entries.append((type, bytes)) }

    /// Adds a `CK_BBOOL` attribute.
    mutating func append(_ type: CK_ATTRIBUTE_TYPE, _ flag: Bool) {
        entries.append((type, [flag ? CK_BBOOL(CK_TRUE) : CK_BBOOL(CK_FALSE)]))
    }

    /// Adds a `CK_ULONG` attribute (object classes, key types) in native byte order.
    mutating func append(_ type: CK_ATTRIBUTE_TYPE, _ number: CK_ULONG) {
        entries.append((type, withUnsafeBytes(of: number) { Array($0) }))
    }

    /// Lends the template to a PKCS#11 call as a pointer and an element count.
    func withAttributes<R>(_ body: (UnsafeMutablePointer<CK_ATTRIBUTE>?, CK_ULONG) throws -> R) rethrows -> R {
        let buffers = entries.map { entry in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(entry.bytes.count, 1), alignment: 16)
            buffer.copyBytes(from: entry.bytes)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var attributes = zip(entries, buffers).map { entry, buffer in
            CK_ATTRIBUTE(type: entry.type, pValue: buffer.baseAddress, ulValueLen: CK_ULONG(entry.bytes.count))
        }
        return try attributes.withUnsafeMutableBufferPointer { try body($0.baseAddress, CK_ULONG($0.count)) }
    }
}
