internal import Crypto
import Primitives

extension PrimitivesBenchmark {
    /// P-256 ECDSA, wrapper against swift-crypto's own API.
    static func p256Cases() -> [Case] {
        let key = P256PrivateKey()
        let publicKey = key.publicKey
        let message: [UInt8] = Array("chancery benchmark message".utf8)
        let signature = try! key.signature(for: message)
        let rawKey = try! P256.Signing.PrivateKey(rawRepresentation: key.rawRepresentation.unsafeArray)
        let rawPublic = rawKey.publicKey
        let rawSignature = try! P256.Signing.ECDSASignature(rawRepresentation: signature)
        return [
            Case(operation: "P-256 ECDSA sign",
                 wrapper: { (try? key.signature(for: message)) != nil },
                 library: { (try? rawKey.signature(for: message)) != nil }),
            Case(operation: "P-256 ECDSA verify",
                 wrapper: { publicKey.isValidSignature(signature, for: message) },
                 library: { rawPublic.isValidSignature(rawSignature, for: message) }),
        ]
    }
}
