import KeyCustody

/// The partial-custody keystore reader, through its public entry (a file path): the input is
/// the file. A keystore that opens has uniquely named entries.
enum KeystoreHarness {
    static let path = FuzzScratch.directory + "/keystore.json"

    static func run(_ input: [UInt8]) {
        FuzzScratch.write(input, to: path)
        guard let keystore = try? Keystore(contentsOf: path) else { return }
        FuzzCheck.require(Set(keystore.entries.map(\.name)).count == keystore.entries.count, "keystore entries have distinct names")
    }
}
