internal import CZlib

extension GZip {
    /// Output is produced in pieces of this size, so a bomb is stopped after at most one piece
    /// beyond the limit rather than after filling memory.
    static let chunkSize = 16_384

    /// Decompresses exactly one gzip member, refusing output larger than `maximumSize`.
    /// - Parameters:
    ///   - bytes: a complete gzip member and nothing after it.
    ///   - maximumSize: the largest decompressed size accepted, in bytes; the guard against
    ///     decompression bombs (a few KiB of gzip can expand to gigabytes).
    /// - Returns: the decompressed bytes, whose CRC-32 and length zlib has checked.
    /// - Throws: `PrimitivesError.invalidEncoding` when the input is not gzip, is corrupt or
    ///   truncated, has bytes after the member, or would decompress beyond `maximumSize`;
    ///   `PrimitivesError.libraryFailure` if zlib runs out of memory.
    public static func decompress(_ bytes: [UInt8], maximumSize: Int) throws -> [UInt8] {
        guard bytes.count < Int(UInt32.max) else {
            throw PrimitivesError.invalidInput("GZip.decompress takes fewer than 4 GiB of input at once.")
        }
        let stream = ZStream()
        defer { stream.release() }
        guard inflateInit2_(stream.pointer, gzipWindowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PrimitivesError.libraryFailure("zlib could not set up an inflate stream.")
        }
        defer { inflateEnd(stream.pointer) }
        return try bytes.withUnsafeBufferPointer { input in
            stream.pointer.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointer.pointee.avail_in = uInt(input.count)
            var output: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out in
                    stream.pointer.pointee.next_out = out.baseAddress
                    stream.pointer.pointee.avail_out = uInt(out.count)
                    let status = inflate(stream.pointer, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.pointer.pointee.avail_out))
                }
                guard output.count + produced <= maximumSize else {
                    throw PrimitivesError.invalidEncoding("Gzip data decompresses to more than the \(maximumSize)-byte limit.")
                }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END:
                    guard stream.pointer.pointee.avail_in == 0 else {
                        throw PrimitivesError.invalidEncoding("Gzip data has bytes after the end of its member.")
                    }
                    return output
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress with room to write means the input ran out mid-stream.
                    throw PrimitivesError.invalidEncoding("Gzip data is truncated.")
                case Z_MEM_ERROR:
                    throw PrimitivesError.libraryFailure("zlib ran out of memory while decompressing.")
                default:
                    throw PrimitivesError.invalidEncoding("Gzip data is malformed (not gzip, or corrupt).")
                }
            }
        }
    }
}
