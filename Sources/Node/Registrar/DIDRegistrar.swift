package import Chain
package import DID
import Foundation
import KeyCustody
import Primitives

/// The DID registrar of logged-in full-custody accounts (DIF Universal Registrar v1 shape,
/// `specs/did-method.md` §7): a session's account creates, updates and deactivates its DIDs
/// through the node, whose vault generates and keeps their keys. A new DID's key is split under
/// the password key the session kept (``VaultPasswordKey``), so the node needs no password and
/// the user's password alone recovers the key later.
package final class DIDRegistrar: Sendable {
    private let runtime: NodeRuntime
    private let sessions: AccountSessions
    /// Serialises changes of account records, so two creates of one account keep both keys.
    private let records = NSLock()

    /// The registrar of `runtime`'s accounts, authenticated by `sessions`.
    package init(runtime: NodeRuntime, sessions: AccountSessions) {
        self.runtime = runtime
        self.sessions = sessions
    }

    /// Carries out a request for the session of `bearer`.
    package func register(_ request: DIDRegistrationRequest, bearer: String?) async -> DIDRegistrationOutcome {
        guard let bearer, AccountSessions.isSessionToken(bearer) else {
            return .unauthorized("The registrar acts for a logged-in full-custody account: send its session token "
                                 + "(POST /sessions) as 'Authorization: Bearer chs_…'.")
        }
        let session: AccountSessions.Session
        switch sessions.lookup(bearer, now: Int64(runtime.clock.nowMilliseconds())) {
        case .session(let open): session = open
        case .expired: return .unauthorized("The session has expired; log in again (POST /sessions).")
        case .unknown: return .unauthorized("The session is not this node's or has ended; log in again (POST /sessions).")
        }
        do {
            switch request {
            case .create(let services): return try await create(session, services: services)
            case .update(let did, let operation, let services): return try await update(session, did: did, operation: operation, services: services)
            case .deactivate(let did): return try await deactivate(session, did: did)
            }
        } catch let error as ChainError where error.code == .notFound {
            return .notFound("\(error.code.name): \(error.reason)")
        } catch let error as ChainError where error.isRefusal {
            return .failed("\(error.code.name): \(error.reason)")
        } catch let error as ChainError where error.isStorageUnavailable {
            return .unavailable(error.reason)
        } catch let error as DIDError {
            return .failed(error.reason)
        } catch let error as NodeError where error.isNotFound {
            return .notFound(error.message)
        } catch let error as NodeError where error.isConflict {
            return .conflict(error.message)
        } catch let error as NodeError where error.isRefusal {
            return .failed(error.message)
        } catch let error as KeyCustodyError where error.code == .notUnlocked {
            return .unauthorized("The session's keys are no longer unlocked; log in again (POST /sessions).")
        } catch let error as KeyCustodyError where error.code == .backendUnavailable {
            // The new key is split across every holder; nothing is kept when one cannot be reached.
            return .unavailable("A vault node that must hold a share of the new key is unreachable; nothing was created, retry later.")
        } catch {
            return .nodeFailure("The registrar failed for '\(session.account)': \(error)")
        }
    }

    private func create(_ session: AccountSessions.Session, services: [ServiceDraft]) async throws -> DIDRegistrationOutcome {
        guard let vault = session.custody.custodian as? VaultCustodian else {
            throw NodeError.refusal("Account '\(session.account)' does not keep its keys in the node's vault.")
        }
        // The record alone (long-term key, custody), not the account's thousands of DID keys:
        // a registration costs the same for the first DID and the millionth.
        let record = try records.withLock { try runtime.directory.storedRecord(session.account) }
        let reference = record.newDIDKeyReference()
        // A vault account of its own (random name), so outside the records lock: its shares may
        // travel to vault nodes on other hosts.
        let publicKey = try await vault.generateKey(reference, sameLoginAs: record.memberKey)
        let did = try DIDChancery(chainId: runtime.chainId, publicKey: publicKey).did
        var document = try DIDChancery.defaultDocument(for: did, publicKey: publicKey)
        document.service = services.map { $0.service(for: did) }
        try document.validateStructure()
        // Recorded before submitting, as `did create` does: a DID committed while its key
        // reference was lost could never change again. If the chain then refuses the DID,
        // the line stays and names a DID that does not exist (specs/chain.md §6.2).
        try records.withLock {
            try runtime.directory.appendDIDKey(AccountDIDKey(did: did.description, key: reference.id, publicKey: .secp256k1(publicKey)),
                                               to: session.account)
        }
        let receipt = try await runtime.submitDIDOperation(.create, did: did, document: document, previousVersionId: 0,
                                                           signer: (vault, reference), member: session.custody.member)
        return .finished(did: did, document: document, versionId: 1, receipt: receipt)
    }

    private func update(_ session: AccountSessions.Session, did: DID, operation: DIDDocumentOperation,
                        services: [ServiceDraft]) async throws -> DIDRegistrationOutcome {
        let (current, version) = try await runtime.currentDIDState(of: did)
        var document = current
        let given = services.map { $0.service(for: did) }
        switch operation {
        case .setDidDocument:
            document.service = given
        case .addToDidDocument:
            if let taken = given.first(where: { service in current.service.contains { $0.id == service.id } }) {
                throw NodeError.refusal("\(did) already has a service \(taken.id); remove it first or use setDidDocument.")
            }
            document.service += given
        case .removeFromDidDocument:
            if let missing = given.first(where: { service in !current.service.contains { $0.id == service.id } }) {
                throw NodeError.refusal("\(did) has no service \(missing.id) to remove.")
            }
            document.service.removeAll { service in given.contains { $0.id == service.id } }
        }
        try document.validateStructure()
        let custody = try currentCustody(of: session, for: did)
        let receipt = try await runtime.submitDIDOperation(.update, did: did, document: document, previousVersionId: version,
                                                           signer: try custody.signer(for: did, document: current), member: custody.member)
        return .finished(did: did, document: document, versionId: version + 1, receipt: receipt)
    }

    private func deactivate(_ session: AccountSessions.Session, did: DID) async throws -> DIDRegistrationOutcome {
        let (current, version) = try await runtime.currentDIDState(of: did)
        let custody = try currentCustody(of: session, for: did)
        let receipt = try await runtime.submitDIDOperation(.deactivate, did: did, document: nil, previousVersionId: version,
                                                           signer: try custody.signer(for: did, document: current), member: custody.member)
        return .finished(did: did, document: nil, versionId: version + 1, receipt: receipt)
    }

    /// The session's custodian with the account's keys of `did` as its files list them now, so
    /// a DID created earlier in the session can be changed in it. Only that DID's keys are read.
    private func currentCustody(of session: AccountSessions.Session, for did: DID) throws -> AccountCustody {
        let keys = try records.withLock { try runtime.directory.didKeys(of: session.account, for: did.description) }
        return AccountCustody(name: session.account, custodian: session.custody.custodian, memberKey: session.custody.memberKey,
                              didKeys: keys)
    }
}
