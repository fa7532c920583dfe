import KeyCustody
import Primitives
import Testing

@Suite("Keystore damage")
struct KeystoreDamageTests {
    @Test("Every truncation of the file is backendFailure naming the file")
    func truncated() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let original = try store.content()
        // Dropping only the final newline leaves the same JSON document.
        for length in 0..<(original.count - 1) {
            try store.overwrite(Array(original.prefix(length)))
            let error = try store.openingError()
            #expect(error?.code == .backendFailure)
            #expect(error?.reason.contains(store.path) == true)
        }
    }

    @Test("A later version and an unbounded Argon2id cost are refused before any key derivation")
    func versionAndCost() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let original = try store.content()
        try store.overwrite(store.content(replacing: #""version": 1"#, with: #""version": 2"#))
        let version = try store.openingError()
        #expect(version?.code == .backendFailure)
        #expect(version?.reason.contains("it is version 2 and this program reads version 1") == true)

        try store.overwrite(original)
        try store.overwrite(store.content(replacing: #""memLimit": 8192"#, with: #""memLimit": 4398046510080"#))
        let cost = try store.openingError()
        #expect(cost?.code == .backendFailure)
        #expect(cost?.reason.contains("memLimit") == true)
    }

    @Test("A custodian refuses to save over a file another writer changed, and that writer's key survives")
    func concurrentWriter() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let first = try store.open(), second = try store.open()
        try second.generateKey(name: "from-second")
        let error = #expect(throws: KeyCustodyError.self) { try first.generateKey(name: "from-first") }
        #expect(error?.code == .backendFailure)
        #expect(first.keyNames == ["a", "b"])
        #expect(try store.open().keyNames == ["a", "b", "from-second"])
    }
}
