import Foundation
import TestVectors

/// The published vectors the keystore tests read, through the shared `Vectors` loader.
enum KeystoreVectors {
    /// A published Ethereum key with its address (`ethereum/keyaddrtest.json`, go-ethereum).
    struct KeyAddress: Decodable {
        let seed: String
        let key: String
        let addr: String
    }

    /// The published key/address pairs.
    static func keyAddressPairs() throws -> [KeyAddress] {
        try JSONDecoder().decode([KeyAddress].self, from: Vectors.data("ethereum/keyaddrtest.json"))
    }
}
