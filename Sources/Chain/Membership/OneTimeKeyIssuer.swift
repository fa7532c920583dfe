public import KeyCustody
public import Primitives

/// The member's side of one-time key issuance: generates fresh keys, signs the request with
/// the member's long-term key through its custodian, and assembles the certified credentials.
public struct OneTimeKeyIssuer: Sendable {
    /// The chain's id.
    public let chainId: String
    /// The member's handle.
    public let memberHandle: MemberHandle
    /// The custodian holding the member's long-term key.
    public let custodian: any KeyCustodian
    /// Which key of the custodian is the member's.
    public let key: KeyReference
    /// The chain's crypto suite, whose scheme the one-time keys belong to.
    public let suite: ChainCryptoSuite

    /// Creates an issuer for one member.
    /// - Parameters:
    ///   - suite: the chain's suite: secp256k1 one-time keys for standard, SM2 for sm.
    public init(chainId: String, memberHandle: MemberHandle, custodian: any KeyCustodian, key: KeyReference,
                suite: ChainCryptoSuite = .standard) {
        self.suite = suite
        self.chainId = chainId
        self.memberHandle = memberHandle
        self.custodian = custodian
        self.key = key
    }

    /// Generates `count` keys and a signed request for them.
    /// - Returns: the private keys (kept by the member) and the request (sent to the service).
    public func request(count: Int, epoch: UInt64, time: UInt64) async throws
        -> (keys: [SigningKey], request: OneTimeKeyRequest)
    {
        let keys = (0..<count).map { _ in suite.signature.generateKey() }
        let publicKeys = keys.map(\.publicKey)
        let digest = OneTimeKeyRequest.digest(chainId: chainId, memberHandle: memberHandle, epoch: epoch,
                                              requestTime: time, oneTimeKeys: publicKeys)
        let signature = try await custodian.sign(digest: digest, with: key)
        let memberKey = try await custodian.publicKey(for: key).compressedRepresentation
        return (keys, OneTimeKeyRequest(memberHandle: memberHandle, memberKey: memberKey, epoch: epoch, requestTime: time,
                                        oneTimeKeys: publicKeys, signature: signature.compactRepresentation))
    }

    /// Pairs the member's private keys with what the service issued.
    public static func credentials(keys: [SigningKey], epoch: UInt64,
                                   issued: [(certificate: [UInt8], envelope: [UInt8])]) -> [OneTimeKeyCredential] {
        zip(keys, issued).map { OneTimeKeyCredential(privateKey: $0, epoch: epoch, certificate: $1.certificate, envelope: $1.envelope) }
    }
}
