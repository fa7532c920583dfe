import Chain
import ChainTestSupport
import Foundation
import KeyCustody
import Primitives
import Testing

/// Every custody mode can authenticate a request for certified one-time keys with its own
/// long-term key, and the chain accepts a transaction signed with such a key (issue 6).
struct CustodyModesOneTimeKeyTests {
    /// Admits the custodian's key as a member, obtains a one-time key through it, and commits a
    /// transaction under that key; returns the committed height.
    private func commit(through custodian: any KeyCustodian, key: KeyReference, name: String, mode: CustodyMode) async throws -> UInt64 {
        let chain = try ChainFixture()
        let publicKey = try await custodian.publicKey(for: key)
        let handle = MemberHandle(publicKey: publicKey)
        let admit = try chain.admission(name, publicKey: publicKey, custody: mode.name)
        _ = try await chain.node.submit(try await chain.approval(admit, by: 0))
        let issuer = OneTimeKeyIssuer(chainId: chain.chainId, memberHandle: handle, custodian: custodian, key: key)
        let now = chain.clock.nowMilliseconds()
        let (keys, request) = try await issuer.request(count: 2, epoch: chain.epoch, time: now)
        let credentials = OneTimeKeyIssuer.credentials(keys: keys, epoch: chain.epoch,
                                                       issued: try chain.membershipService.certify(request, now: now))
        #expect(credentials.count == 2)
        let transaction = try Transaction(type: TestPutHandler.transactionType, body: Array("\(mode) custody".utf8),
                                          chainId: chain.chainId, oneTimeKey: credentials[0])
        return try await chain.node.submit(transaction).height
    }

    @Test("a partial-custody keystore key obtains one-time keys and its transaction commits")
    func partial() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-otk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let custodian = try SoftwareCustodian(creating: directory.appendingPathComponent("k.keystore").path, password: "pw",
                                              parameters: try Argon2id.Parameters(opsLimit: 1, memLimit: 8192))
        try await custodian.generateKey(name: "member")
        #expect(try await commit(through: custodian, key: KeyReference("member"), name: "member", mode: .partial) == 2)
    }

    @Test("a full-custody vault account, unlocked by login, obtains one-time keys and its transaction commits")
    func full() async throws {
        let vault = try VaultFixture()
        _ = try await vault.vault.createAccount(username: "member", password: vault.password)
        let custodian = VaultCustodian(vault: vault.vault)
        try await custodian.unlock(KeyReference("member"), password: vault.password)
        #expect(try await commit(through: custodian, key: KeyReference("member"), name: "member", mode: .full) == 2)
    }

    @Test("an HSM key in SoftHSM2 obtains one-time keys and its transaction commits")
    func hsm() async throws {
        let token = try SoftHSMToken()
        let custodian = try token.custodian()
        _ = try await custodian.generateKey(label: "member")
        #expect(try await commit(through: custodian, key: KeyReference("member"), name: "member", mode: .hsm) == 2)
    }
}
