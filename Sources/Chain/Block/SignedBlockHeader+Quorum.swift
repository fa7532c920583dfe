extension SignedBlockHeader {
    /// Whether valid signatures by more than two thirds of `nodes` are on the header: a final
    /// block of a consortium (`specs/consortium.md` §5); on a chain of one node, its signature.
    /// - Parameter nodes: the keys of the nodes admitted at the block's parent.
    public func isSigned(byQuorumOf nodes: Set<[UInt8]>) -> Bool {
        let signers = Set(signatures.map(\.nodeKey)).filter { nodes.contains($0) && isSigned(by: $0) }
        return signers.count * 3 > nodes.count * 2
    }
}
