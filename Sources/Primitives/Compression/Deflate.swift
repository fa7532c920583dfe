internal import CZlib

/// Raw DEFLATE (RFC 1951) with a preset dictionary, for short texts that share a vocabulary
/// (a ledger's stored JSON bodies and records): the dictionary supplies the words the first
/// occurrence would otherwise spell out. A 4 KiB window keeps each stream's memory small, since
/// every call sets one up.
///
/// ```swift
/// let packed = Deflate.compress(bytes, dictionary: words)
/// let back = try Deflate.decompress(packed, dictionary: words, maximumSize: 1 << 16)
/// ```
///
/// Output is not canonical (zlib's version and level change it): compare decompressed bytes.
public enum Deflate {
    /// Raw DEFLATE (no zlib or gzip container) with a 2^12-byte window.
    static let windowBits: Int32 = -12

    /// Compresses `bytes` against `dictionary`.
    /// - Parameters:
    ///   - bytes: fewer than 4 GiB.
    ///   - dictionary: the preset dictionary; decompression needs the same bytes. Only its last
    ///     4 KiB are used.
    ///   - level: zlib's level, 1 (fastest) to 9.
    /// - Returns: the raw DEFLATE data.
    public static func compress(_ bytes: [UInt8], dictionary: [UInt8], level: Int32 = 6) -> [UInt8] {
        precondition(bytes.count < Int(UInt32.max), "Deflate.compress takes fewer than 4 GiB at once.")
        let stream = ZStream()
        defer { stream.release() }
        guard deflateInit2_(stream.pointer, level, Z_DEFLATED, windowBits, 5, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib could not set up a deflate stream (out of memory).")
        }
        defer { deflateEnd(stream.pointer) }
        if !dictionary.isEmpty {
            let status = dictionary.withUnsafeBufferPointer { deflateSetDictionary(stream.pointer, $0.baseAddress, uInt($0.count)) }
            precondition(status == Z_OK, "zlib refused a preset dictionary (\(status)).")
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream.pointer, uLong(bytes.count))))
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.pointer.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointer.pointee.avail_in = uInt(input.count)
                stream.pointer.pointee.next_out = out.baseAddress
                stream.pointer.pointee.avail_out = uInt(out.count)
                let status = deflate(stream.pointer, Z_FINISH)
                precondition(status == Z_STREAM_END, "zlib deflate did not finish within deflateBound (\(status)).")
                return out.count - Int(stream.pointer.pointee.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// Decompresses raw DEFLATE data made with `dictionary`, refusing more than `maximumSize` bytes.
    /// - Throws: `PrimitivesError.invalidEncoding` when the data is corrupt, truncated, followed
    ///   by other bytes, or larger than `maximumSize`; `.libraryFailure` if zlib runs out of memory.
    public static func decompress(_ bytes: [UInt8], dictionary: [UInt8], maximumSize: Int) throws -> [UInt8] {
        guard bytes.count < Int(UInt32.max) else {
            throw PrimitivesError.invalidInput("Deflate.decompress takes fewer than 4 GiB of input at once.")
        }
        let stream = ZStream()
        defer { stream.release() }
        guard inflateInit2_(stream.pointer, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PrimitivesError.libraryFailure("zlib could not set up an inflate stream.")
        }
        defer { inflateEnd(stream.pointer) }
        if !dictionary.isEmpty {
            // A raw stream takes its dictionary before the first inflate call.
            let status = dictionary.withUnsafeBufferPointer { inflateSetDictionary(stream.pointer, $0.baseAddress, uInt($0.count)) }
            guard status == Z_OK else { throw PrimitivesError.libraryFailure("zlib refused a preset dictionary (\(status)).") }
        }
        return try bytes.withUnsafeBufferPointer { input in
            stream.pointer.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointer.pointee.avail_in = uInt(input.count)
            var output = [UInt8](repeating: 0, count: min(maximumSize, max(64, input.count * 8)))
            var produced = 0
            while true {
                if produced == output.count {
                    guard output.count < maximumSize else {
                        throw PrimitivesError.invalidEncoding("DEFLATE data decompresses to more than the \(maximumSize)-byte limit.")
                    }
                    output.append(contentsOf: repeatElement(0, count: min(maximumSize, output.count * 2) - output.count))
                }
                let status = output.withUnsafeMutableBufferPointer { out in
                    stream.pointer.pointee.next_out = out.baseAddress! + produced
                    stream.pointer.pointee.avail_out = uInt(out.count - produced)
                    defer { produced = out.count - Int(stream.pointer.pointee.avail_out) }
                    return inflate(stream.pointer, Z_NO_FLUSH)
                }
                switch status {
                case Z_STREAM_END:
                    guard stream.pointer.pointee.avail_in == 0 else {
                        throw PrimitivesError.invalidEncoding("DEFLATE data has bytes after its end.")
                    }
                    output.removeSubrange(produced...)
                    return output
                case Z_OK:
                    continue
                case Z_BUF_ERROR where produced < output.count:
                    throw PrimitivesError.invalidEncoding("DEFLATE data is truncated.")
                case Z_BUF_ERROR:
                    continue
                case Z_MEM_ERROR:
                    throw PrimitivesError.libraryFailure("zlib ran out of memory while decompressing.")
                default:
                    throw PrimitivesError.invalidEncoding("DEFLATE data is malformed.")
                }
            }
        }
    }
}
