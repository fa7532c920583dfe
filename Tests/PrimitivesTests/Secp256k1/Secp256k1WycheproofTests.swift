import Crypto
import Primitives
import Testing
import TestVectors

/// Wycheproof ECDSA secp256k1/SHA-256 vectors, each file under its own rule:
/// generic DER (normalise high-S first), Bitcoin DER (high-S must fail), P1363 (64-byte r ‖ s).
struct Secp256k1WycheproofTests {
    private func run(_ file: String, verify: (Secp256k1PublicKey, [UInt8], [UInt8]) -> Bool) throws -> Int {
        let vectors = try Vectors.json("wycheproof/\(file)", as: WycheproofFile.self)
        var count = 0
        for group in vectors.testGroups {
            let key = try Secp256k1PublicKey(hex(group.publicKey.uncompressed!))
            for test in group.tests {
                let digest = Array(SHA256.hash(data: hex(test.msg)))
                let verdict = verify(key, hex(test.sig), digest)
                #expect(verdict == (test.result == "valid"), "tcId \(test.tcId): \(test.comment) \(test.flags)")
                count += 1
            }
        }
        #expect(count == vectors.numberOfTests)
        return count
    }

    @Test("generic DER vectors verify after high-S normalisation")
    func genericDER() throws {
        _ = try run("ecdsa_secp256k1_sha256_test.json") { key, sig, digest in
            guard let signature = try? Secp256k1ECDSASignature(derRepresentation: sig) else { return false }
            return key.isValidSignatureAllowingHighS(signature, forDigest: digest)
        }
    }

    @Test("Bitcoin DER vectors reject every high-S signature")
    func bitcoinDER() throws {
        _ = try run("ecdsa_secp256k1_sha256_bitcoin_test.json") { key, sig, digest in
            guard let signature = try? Secp256k1ECDSASignature(derRepresentation: sig) else { return false }
            return key.isValidSignature(signature, forDigest: digest)
        }
    }

    @Test("P1363 vectors verify in the 64-byte r ‖ s form")
    func p1363() throws {
        _ = try run("ecdsa_secp256k1_sha256_p1363_test.json") { key, sig, digest in
            guard let signature = try? Secp256k1ECDSASignature(compactRepresentation: sig) else { return false }
            return key.isValidSignatureAllowingHighS(signature, forDigest: digest)
        }
    }
}
