package import Chain
package import Foundation
import Primitives

extension ChainBootstrap {
    /// Prepares a data directory to run another node of an existing chain (`didctl init
    /// --genesis FILE`, `specs/consortium.md` §4): the chain's genesis document, a new node key
    /// of its suite, and block 0 computed from genesis, which is the same block 0 as every other
    /// node's (its proposer is genesis's first node). It holds none of the chain's other keys
    /// (membership service, committee, auditor): those stay with the institutions that hold them.
    /// - Parameter genesisFile: the chain's `genesis.json`, as another node's operator sends it.
    /// - Returns: the genesis, the new node's id and block 0's hash.
    /// - Throws: `NodeError` when the directory holds a chain or the file is not a genesis document.
    package static func join(in directory: DataDirectory, genesisFile: URL) throws -> Created {
        guard !directory.isInitialised else {
            throw NodeError("\(directory.url.path) already holds a chain; choose another --data-dir or remove it first.")
        }
        guard let data = FileManager.default.contents(atPath: genesisFile.path) else {
            throw NodeError("The genesis file \(genesisFile.path) cannot be read.")
        }
        let genesis: Genesis, suite: ChainCryptoSuite
        do {
            genesis = try Genesis(json: data)
            suite = try genesis.suite()
        } catch { throw NodeError(error.reason) }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let node = suite.signature.generateKey()
        try directory.writeKey("node", secret: node.rawRepresentation.unsafeArray)
        let store = try SQLiteBlockStore(path: directory.ledgerPath)
        let chain = try ChainNode.create(store: store, genesis: genesis, nodeKey: node, handlers: NodeRuntime.handlers(),
                                         clock: SystemClock())
        let genesisHash = Hex.encode(chain.head.hash)
        chain.shutdown()
        // genesis.json last, as `create` does: its presence marks a complete initialisation.
        try data.write(to: directory.genesisURL, options: .atomic)
        return Created(genesis: genesis, nodeId: Hex.encode(node.publicKey), genesisHash: genesisHash)
    }
}
