import Chain
import DID
import KeyCustody
import Primitives

/// One benchmark client registering DIDs as a member that keeps its keys would: it asks for
/// one-time key certificates in batches, then for each DID makes a fresh inception key, signs
/// the `did.create` operation and the transaction here, and submits it, keeping up to `window`
/// submissions in flight while it signs the next.
struct RegistrationClient: Sendable {
    let chainId: String
    /// Signs the member's one-time key requests (the member's long-term key).
    let issuer: OneTimeKeyIssuer
    let epoch: UInt64
    let clock: any ChainClock
    let keysPerRequest: Int
    let window: Int

    /// Registers `count` DIDs through `channel`.
    /// - Returns: the DIDs, each committed.
    func register(_ count: Int, through channel: any RegistrationChannel, committed: @escaping @Sendable () -> Void) async throws -> [DID] {
        var registered: [DID] = []
        registered.reserveCapacity(count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            for start in stride(from: 0, to: count, by: keysPerRequest) {
                let (keys, request) = try await issuer.request(count: min(keysPerRequest, count - start), epoch: epoch,
                                                               time: clock.nowMilliseconds())
                let issued = try await channel.certify(request)
                for oneTimeKey in OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch, issued: issued) {
                    let (transaction, did) = try Self.create(chainId: chainId, oneTimeKey: oneTimeKey)
                    if inFlight == window {
                        _ = try await group.next()
                        inFlight -= 1
                    }
                    let (wire, id) = (transaction.encoded, transaction.id)
                    group.addTask {
                        try await channel.submit(wire, id: id)
                        committed()
                    }
                    inFlight += 1
                    registered.append(did)
                }
            }
            try await group.waitForAll()
        }
        return registered
    }

    /// A `did.create` of a new DID under its own inception key, signed with `oneTimeKey`.
    static func create(chainId: String, oneTimeKey: OneTimeKeyCredential) throws -> (Transaction, DID) {
        let inception = Secp256k1PrivateKey()
        let did = try DIDChancery(chainId: chainId, publicKey: inception.publicKey).did
        let document = try DIDChancery.defaultDocument(for: did, publicKey: inception.publicKey)
        let operation = try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chainId,
                                                privateKey: inception)
        return (try Transaction(type: DIDOperation.Kind.create.transactionType, body: operation.body, chainId: chainId,
                                oneTimeKey: oneTimeKey), did)
    }
}
