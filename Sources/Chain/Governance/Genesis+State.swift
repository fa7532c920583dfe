import Primitives

extension Genesis {
    /// Applies the genesis document to empty state: the write set of block 0.
    func apply(to state: StateTransaction) throws {
        state.put(namespace: ChainNamespace.config, key: Array("threshold".utf8), value: Array(String(threshold).utf8))
        state.put(namespace: ChainNamespace.config, key: Array("epochSeconds".utf8), value: Array(String(epochSeconds).utf8))
        state.put(namespace: ChainNamespace.config, key: Array("membershipService".utf8), value: Array(membershipService.utf8))
        for member in committee {
            try state.put(member, namespace: ChainNamespace.committee, key: Array(member.id.utf8))
        }
        let keyLength = try suite().signature.publicKeyLength
        for node in nodes {
            guard let key = try? Hex.decode(node), key.count == keyLength else {
                throw ChainError(.invalidGenesis, "Node key '\(node)' is not \(keyLength) bytes of hex.")
            }
            state.put(namespace: ChainNamespace.node, key: key, value: [1])
        }
        for auditor in auditors {
            try state.put(auditor, namespace: ChainNamespace.auditor, key: Array(auditor.id.utf8))
        }
        for member in members {
            let handle = try MemberHandle(hex: member.handle)
            try state.put(member, namespace: ChainNamespace.member, key: handle.bytes)
        }
    }
}
