package import Chain

extension BlockStore {
    /// The highest block whose stored signatures are a quorum of the nodes admitted now (every
    /// block under it is final too, `specs/consortium.md` §5); `nil` when none is. On a solo
    /// chain, the head.
    /// - Throws: `ChainError` when the ledger cannot be read.
    package func finalHeight() throws -> UInt64? {
        guard var height = try head()?.header.height else { return nil }
        let nodes = Set(try entries(namespace: ChainNamespace.node, prefix: []).map(\.key))
        while true {
            if let signed = try signedHeader(at: height), signed.isSigned(byQuorumOf: nodes) { return height }
            if height == 0 { return nil }
            height -= 1
        }
    }
}
