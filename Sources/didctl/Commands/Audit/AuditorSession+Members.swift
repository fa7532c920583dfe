import Node
import Chain
import DID
import Primitives

extension AuditorSession {
    /// The names a member is known by: its member name on the chain (sealed to the auditor there)
    /// and its account here.
    struct MemberNames {
        var member: String?
        var account: String?
    }

    /// The member a `trace` argument names: an account of this data directory, a 64-hex member
    /// handle, a member name on the chain, or a `did:chancery` DID. A DID is linked to the member
    /// that submitted its `did.create` transaction by a recorded `link` query, returned as well.
    /// - Throws: `DidctlFailure` when the argument names none of these.
    func member(named argument: String) async throws -> (handle: MemberHandle, link: AuditAnswer?) {
        if argument.hasPrefix("did:") {
            let creation = try didCreation(of: argument)
            let answer = try await ask(AuditQuery(.link(creation)))
            guard case .link(let entry, _) = answer.result else { throw DidctlFailure("The audit service answered another kind of query.") }
            return (entry.memberHandle, answer)
        }
        if let handle = AuditThroughNode.localHandle(argument, directory: runtime.directory) { return (handle, nil) }
        if let profile = try members().first(where: { $0.name == argument }) { return (profile.handle, nil) }
        throw DidctlFailure("'\(argument)' is not an account of this data directory, a member name, a 64-hex member handle or a DID.")
    }

    /// The member name on the chain and the local account of a member handle, where known.
    func names(of handle: MemberHandle) throws -> MemberNames {
        let keys = try runtime.directory.auditorKeySource()
        let member = try runtime.store.value(namespace: ChainNamespace.member, key: handle.bytes)
            .flatMap { try? MemberRecord(canonicalBytes: $0).openProfile(with: keys).name }
        let account = try runtime.directory.accounts().first { $0.handle.lowercased() == handle.description }?.name
        return MemberNames(member: member, account: account)
    }

    /// The admitted members' profiles, which public state holds sealed to the auditor.
    private func members() throws -> [MemberProfile] {
        let keys = try runtime.directory.auditorKeySource()
        return try runtime.store.entries(namespace: ChainNamespace.member, prefix: []).compactMap {
            try? MemberRecord(canonicalBytes: $0.value).openProfile(with: keys)
        }
    }

    /// The `did.create` transaction of a DID, found on the public ledger (no index needed).
    /// Scans the ledger from the start: linear in its length, fine for a local chain.
    private func didCreation(of text: String) throws -> TransactionID {
        let did: DID
        do { did = try DID(parsing: text) } catch let error as DIDError { throw DidctlFailure(error.reason) }
        let create = DIDOperation.Kind.create
        let height = try runtime.store.head()?.header.height ?? 0
        for block in UInt64(0)...height {
            for transaction in try runtime.store.transactions(at: block) where transaction.type == create.transactionType {
                if (try? DIDOperation(kind: create, body: transaction.body))?.did == did { return transaction.id }
            }
        }
        throw DidctlFailure("No did.create transaction for \(did) on this chain; check the DID.")
    }
}
