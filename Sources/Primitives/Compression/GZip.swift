internal import CZlib

/// The gzip file format (RFC 1952) around DEFLATE (RFC 1951), as W3C Bitstring Status List
/// uses it for `encodedList`; zlib does the work.
///
/// ```swift
/// let packed = GZip.compress(bytes)
/// let back = try GZip.decompress(packed, maximumSize: 1 << 20)
/// ```
///
/// Compressed output is not canonical (zlib version and level change it), so compare
/// decompressed bytes, never compressed ones.
public enum GZip {
    /// zlib's window of 2^15 bytes plus 16, which asks for the gzip container instead of zlib's.
    static let gzipWindowBits: Int32 = 15 + 16

    /// Compresses bytes into a single gzip member with zlib's default level.
    /// - Parameter bytes: the bytes to compress, fewer than 4 GiB.
    /// - Returns: the gzip member: header, DEFLATE data, CRC-32 and length trailer.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        precondition(bytes.count < Int(UInt32.max), "GZip.compress takes fewer than 4 GiB at once.")
        let stream = ZStream()
        defer { stream.release() }
        // Only allocation failure makes deflateInit2 fail; there is nothing to recover.
        guard deflateInit2_(stream.pointer, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzipWindowBits, 8,
                            Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib could not set up a deflate stream (out of memory).")
        }
        defer { deflateEnd(stream.pointer) }
        // deflateBound is an upper bound for the whole gzip member, so one Z_FINISH call suffices.
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
}

/// A heap-allocated `z_stream`: zlib keeps pointers into it between calls, so it must not move
/// as a Swift value would. zalloc/zfree stay NULL, so zlib uses malloc/free and no Swift closure
/// ever becomes a C function pointer.
struct ZStream {
    let pointer: UnsafeMutablePointer<z_stream>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: z_stream())
    }

    /// Frees the memory; call after deflateEnd/inflateEnd.
    func release() {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
