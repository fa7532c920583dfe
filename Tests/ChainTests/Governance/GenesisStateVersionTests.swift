import Chain
import ChainTestSupport
import Foundation
import Testing

/// `specs/chain.md` §4.2: the genesis `stateVersion`, which new chains name and older documents
/// lack without changing their bytes.
struct GenesisStateVersionTests {
    @Test("a new genesis names state version 2; a document without the field is version 1 and keeps its bytes and hash")
    func defaultsAndAbsence() throws {
        let chain = try ChainFixture()
        #expect(chain.genesis.stateVersion == Genesis.currentStateVersion && chain.genesis.stateRules == 2)
        #expect(String(decoding: try chain.genesis.canonicalBytes(), as: UTF8.self).contains("\"stateVersion\":2"))

        var older = chain.genesis
        older.stateVersion = nil
        let olderBytes = try older.canonicalBytes()
        #expect(!String(decoding: olderBytes, as: UTF8.self).contains("stateVersion"))
        let read = try Genesis(json: Data(olderBytes))
        #expect(read.stateRules == 1 && read.stateVersion == nil)
        #expect(try read.hash() == older.hash() && read.hash() != chain.genesis.hash())

        // Asking for version 1 writes the document as it was before the field existed.
        let one = try ChainFixture(stateVersion: 1)
        #expect(one.genesis.stateVersion == nil && one.genesis.stateRules == 1)
    }

    @Test("a genesis naming a state version this build does not know is refused", arguments: [0, 3])
    func unknownVersionRefused(version: Int) throws {
        var genesis = try ChainFixture().genesis
        genesis.stateVersion = version
        #expect(throws: ChainError(.invalidGenesis, "")) { try Genesis(json: try JSONEncoder().encode(genesis)) }
    }
}
