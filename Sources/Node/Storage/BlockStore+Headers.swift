package import Chain

extension BlockStore {
    /// Block headers, newest first, from `height` (the head when `nil`, and never above it)
    /// down, at most `limit`: what `chain blocks` lists, locally and through `GET /blocks`.
    /// - Returns: none for an empty ledger or a limit below 1.
    /// - Throws: `ChainError` when the ledger cannot be read.
    package func headers(from height: UInt64?, limit: Int) throws -> [SignedBlockHeader] {
        guard let head = try head(), limit > 0 else { return [] }
        var headers: [SignedBlockHeader] = []
        var next = min(height ?? head.header.height, head.header.height)
        while headers.count < limit, let header = try signedHeader(at: next) {
            headers.append(header)
            if next == 0 { break }
            next -= 1
        }
        return headers
    }
}
