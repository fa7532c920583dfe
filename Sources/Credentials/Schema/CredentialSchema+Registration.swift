extension CredentialSchema {
    /// Checks what registering a schema on the chain asks beyond parsing: no `pattern` whose
    /// structure is known to backtrack catastrophically (``BacktrackingPattern``), since any
    /// member may register a schema and anyone may then send credentials citing it.
    ///
    /// Parsing alone does not refuse them, so schemas already on a chain still load; their
    /// patterns are held to the verifier's ``PatternBudget``.
    /// - Throws: `CredentialsError.backtrackingPattern` naming the pattern and its flaw.
    public func checkRegistrable() throws {
        var pending = [root]
        while let node = pending.popLast() {
            if let pattern = node.pattern, let flaw = BacktrackingPattern.flaw(in: pattern.source) {
                throw CredentialsError(.backtrackingPattern,
                                       "'pattern' at '\(node.pointer)/pattern' can backtrack catastrophically: \(flaw). Rewrite it without a quantifier inside a repeated group.")
            }
            pending += node.properties.map(\.node) + [node.items, node.additionalProperties].compactMap { $0 }
        }
    }
}
