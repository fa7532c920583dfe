import Foundation

/// Loads test vectors from `specs/vectors/` of this package, found by walking up from this file.
enum KeystoreVectors {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("specs/vectors")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("specs/vectors not found above \(#filePath)")
    }()

    /// The bytes of `specs/vectors/<path>`.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// A published Ethereum key with its address (`ethereum/keyaddrtest.json`, go-ethereum).
    struct KeyAddress: Decodable {
        let seed: String
        let key: String
        let addr: String
    }

    /// The published key/address pairs.
    static func keyAddressPairs() throws -> [KeyAddress] {
        try JSONDecoder().decode([KeyAddress].self, from: data("ethereum/keyaddrtest.json"))
    }
}
