import KeyCustody
import Primitives
import Testing

@Suite("Keystore tampering")
struct KeystoreTamperingTests {
    @Test("A wrong password is authenticationFailed, with a sentence naming the file")
    func wrongPassword() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let error = try store.openingError(password: "correct horse battery stapler")
        #expect(error?.code == .authenticationFailed)
        #expect(error?.reason.contains("password does not unlock the keystore \(store.path)") == true)
    }

    @Test("Flipping bit 0 or bit 5 of any byte of the file makes opening fail and leaves the file as it was")
    func everyByteFlipped() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let original = try store.content()
        var unnoticed: [Int] = [], unclear: [String] = []
        for mask: UInt8 in [0x01, 0x20] {
            for index in original.indices {
                var damaged = original
                damaged[index] ^= mask
                try store.overwrite(damaged)
                do {
                    _ = try store.open()
                    unnoticed.append(index)
                } catch let error as KeyCustodyError {
                    if ![.authenticationFailed, .backendFailure].contains(error.code) || !error.reason.contains(store.path) {
                        unclear.append("\(index): \(error)")
                    }
                }
                #expect(try store.content() == damaged)
            }
        }
        #expect(unnoticed.isEmpty, "single-byte changes at \(unnoticed) went unnoticed")
        #expect(unclear.isEmpty)
        try store.overwrite(original)
        #expect(try store.open().keyNames == ["a", "b"])
    }

    @Test("Changing a sealed key or an entry's name is backendFailure naming the entry")
    func alteredEntry() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let original = try store.content()
        let sealedB = try #require(store.json()["keys"]?[1]?["sealed"]?.stringValue)
        var flipped = Array(sealedB.utf8)
        flipped[60] = flipped[60] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try store.overwrite(store.content(replacing: sealedB, with: String(decoding: flipped, as: UTF8.self)))
        let error = try store.openingError()
        #expect(error?.code == .backendFailure)
        #expect(error?.reason.contains("key \"b\" does not authenticate") == true)

        try store.overwrite(original)
        try store.overwrite(store.content(replacing: #""name": "b""#, with: #""name": "c""#))
        #expect(try store.openingError()?.reason.contains("key \"c\" does not authenticate") == true)
    }

    @Test("Swapping two entries' sealed keys between names is detected")
    func swappedCiphertexts() throws {
        let store = try TemporaryKeystore.withTwoKeys()
        let json = try store.json()
        let a = try #require(json["keys"]?[0]?["sealed"]?.stringValue), b = try #require(json["keys"]?[1]?["sealed"]?.stringValue)
        try store.overwrite(store.content(replacing: a, with: "PLACEHOLDER"))
        try store.overwrite(store.content(replacing: b, with: a))
        try store.overwrite(store.content(replacing: "PLACEHOLDER", with: b))
        #expect(try store.json()["keys"]?[0]?["sealed"]?.stringValue == b)
        let error = try store.openingError()
        #expect(error?.code == .backendFailure)
        #expect(error?.reason.contains("key \"a\" does not authenticate") == true)
    }

    @Test("An entry copied whole from another keystore with the same password is refused")
    func entryFromAnotherFile() throws {
        let store = try TemporaryKeystore.withTwoKeys(), donor = try TemporaryKeystore.withTwoKeys()
        var json = try #require(store.json().objectValue)
        json["keys"] = .array([try #require(donor.json()["keys"]?[0]), try #require(store.json()["keys"]?[1])])
        try store.overwrite(Array(JSONValue.object(json).prettyPrinted().utf8))
        let error = try store.openingError()
        #expect(error?.code == .backendFailure)
        #expect(error?.reason.contains("key \"a\" does not authenticate") == true)
    }
}
