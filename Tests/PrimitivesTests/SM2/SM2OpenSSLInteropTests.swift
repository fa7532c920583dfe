import Foundation
import Primitives
import Testing
import TestVectors

/// SM2 against the `openssl` command-line tool (OpenSSL 3), both ways: keys and signatures the
/// tool makes verify with ours, and ours verify with the tool. Each test works in its own
/// temporary directory, removed afterwards.
struct SM2OpenSSLInteropTests {
    /// SubjectPublicKeyInfo up to the point: id-ecPublicKey with the SM2 curve
    /// (1.2.156.10197.1.301), then a 66-byte BIT STRING holding the uncompressed point.
    static let spkiPrefix = hex("3059301306072a8648ce3d020106082a811ccf5501822d034200")
    /// ECPrivateKey (RFC 5915) up to the 32-byte scalar, as `openssl pkey -outform DER` writes an SM2 key.
    static let ecPrivateKeyPrefix = hex("30770201010420")
    static let distid = "distid:1234567812345678"

    @Test("a key and signatures made by the openssl tool verify with ours; the key derives the same public key")
    func opensslToOurs() throws {
        try OpenSSLTool.withDirectory { tool in
            try tool.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "key.pem")
            try tool.run("pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der")
            try tool.run("pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.der")
            let message = Array("a credential issued under GM/T".utf8)
            try tool.write(message, to: "msg")
            try tool.run("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "key.pem", "-in", "msg",
                         "-out", "sig.der", "-pkeyopt", Self.distid)

            let spki = try tool.read("pub.der")
            try #require(spki.count == 91 && Array(spki.prefix(26)) == Self.spkiPrefix)
            let publicKey = try SM2PublicKey(spki.suffix(65))
            let keyDER = try tool.read("key.der")
            try #require(Array(keyDER.prefix(7)) == Self.ecPrivateKeyPrefix)
            let privateKey = try SM2PrivateKey(rawRepresentation: keyDER[7..<39])
            #expect(privateKey.publicKey == publicKey)

            let signature = try SM2Signature(derRepresentation: try tool.read("sig.der"))
            #expect(publicKey.isValidSignature(signature, for: message))
            #expect(!publicKey.isValidSignature(signature, for: message + [0x0a]))

            // Without distid, OpenSSL 3.0's pkeyutl signs with an empty identifier.
            try tool.run("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "key.pem", "-in", "msg", "-out", "plain.der")
            let plain = try SM2Signature(derRepresentation: try tool.read("plain.der"))
            #expect(!publicKey.isValidSignature(plain, for: message))
            #expect(publicKey.isValidSignature(plain, for: message, distinguishingIdentifier: []))
        }
    }

    @Test("our DER signatures verify with the openssl tool, and a changed message or identifier fails there")
    func oursToOpenSSL() throws {
        try OpenSSLTool.withDirectory { tool in
            let key = SM2PrivateKey()
            let message = Array("a presentation signed by Chancery".utf8)
            try tool.write(Self.spkiPrefix + key.publicKey.uncompressedRepresentation, to: "pub.der")
            try tool.write(message, to: "msg")
            try tool.write(message + [0x0a], to: "other")
            try tool.write(try key.signature(for: message).derRepresentation, to: "sig.der")
            let verify = ["pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-keyform", "DER",
                          "-inkey", "pub.der", "-sigfile", "sig.der"]

            let accepted = try tool.run(verify + ["-in", "msg", "-pkeyopt", Self.distid], allowingFailure: true)
            #expect(accepted.status == 0)
            #expect(accepted.output.contains("Signature Verified Successfully"))
            #expect(try tool.run(verify + ["-in", "other", "-pkeyopt", Self.distid], allowingFailure: true).status != 0)
            #expect(try tool.run(verify + ["-in", "msg"], allowingFailure: true).status != 0)

            // openssl reads our public key back into the same SubjectPublicKeyInfo.
            try tool.run("pkey", "-pubin", "-inform", "DER", "-in", "pub.der", "-outform", "DER", "-out", "again.der")
            #expect(try tool.read("again.der") == Self.spkiPrefix + key.publicKey.uncompressedRepresentation)
        }
    }
}
