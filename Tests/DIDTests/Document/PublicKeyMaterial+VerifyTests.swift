import DID
import Foundation
import Primitives
import Testing
import TestVectors

/// Signature checks against published signatures: W3C Data Integrity vectors for EdDSA
/// (eddsa-jcs-2022) and ES256 (ecdsa-jcs-2019, P-256), which sign the combined proof and
/// document hashes, and Wycheproof's secp256k1 P1363 vectors for ES256K.
struct PublicKeyMaterialVerifyTests {
    private func dataIntegrityVector(_ keyPair: String, _ folder: String, _ suffix: String) throws -> (PublicKeyMaterial, [UInt8], [UInt8]) {
        let multikey = try #require(vectorJSON(keyPair)["publicKeyMultibase"]?.stringValue)
        let message = hex(try Vectors.text("\(folder)/combinedHash\(suffix).txt").trimmingCharacters(in: .whitespacesAndNewlines))
        let signature = hex(try Vectors.text("\(folder)/sigHex\(suffix).txt").trimmingCharacters(in: .whitespacesAndNewlines))
        return (try PublicKeyMaterial(multikey: multikey), message, signature)
    }

    @Test("published EdDSA and ES256 Data Integrity signatures verify, and fail when altered", arguments: [
        ("di-eddsa/keyPair.json", "di-eddsa/eddsa-jcs-2022", "JCS", "EdDSA"),
        ("di-ecdsa/p256KeyPair.json", "di-ecdsa/ecdsa-jcs-2019-p256", "JCSECDSAP256", "ES256"),
    ])
    func dataIntegritySignatures(keyPair: String, folder: String, suffix: String, algorithm: String) throws {
        let (key, message, signature) = try dataIntegrityVector(keyPair, folder, suffix)
        #expect(key.jwsAlgorithm == algorithm)
        #expect(key.isValidSignature(signature, for: message))
        var alteredMessage = message
        alteredMessage[0] ^= 1
        #expect(!key.isValidSignature(signature, for: alteredMessage))
        var alteredSignature = signature
        alteredSignature[40] ^= 1
        #expect(!key.isValidSignature(alteredSignature, for: message))
        #expect(!key.isValidSignature(signature.dropLast(), for: message))
        #expect(!key.isValidSignature([UInt8](), for: message))
    }

    @Test("Wycheproof secp256k1 P1363 vectors verify as ES256K: valid and low-S only")
    func es256kWycheproof() throws {
        let file = try vectorJSON("wycheproof/ecdsa_secp256k1_sha256_p1363_test.json")
        // Half the group order n: ES256K here refuses s above it (Wycheproof calls those valid).
        let halfOrder = hex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
        var count = 0, validLowS = 0, validHighS = 0
        for group in file["testGroups"]?.arrayValue ?? [] {
            let key = PublicKeyMaterial.secp256k1(try Secp256k1PublicKey(hex(group["publicKey"]!["uncompressed"]!.stringValue!)))
            for test in group["tests"]?.arrayValue ?? [] {
                let signature = hex(test["sig"]!.stringValue!)
                let lowS = signature.count != 64 || signature[32...].lexicographicallyPrecedes(halfOrder) || Array(signature[32...]) == halfOrder
                let valid = test["result"]?.stringValue == "valid"
                let verdict = key.isValidSignature(signature, for: hex(test["msg"]!.stringValue!))
                #expect(verdict == (valid && lowS), "tcId \(test["tcId"]!)")
                if valid { if lowS { validLowS += 1 } else { validHighS += 1 } }
                count += 1
            }
        }
        #expect(count == Int(file["numberOfTests"]?.doubleValue ?? -1))
        // Both kinds of valid signature occur, so both branches of the low-S rule were exercised.
        #expect(validLowS > 0)
        #expect(validHighS > 0)
    }
}
