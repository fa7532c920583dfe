package import Foundation
import KeyCustody
import Primitives

/// Log-in sessions of full-custody accounts (`POST /sessions`): the account's vault keys are
/// rebuilt with the password the user sent, kept for this session only, and dropped when it
/// ends (`DELETE /sessions/current`) or expires. The node holds no process-wide password and
/// never prompts. A session acts for its own account alone.
///
/// Tokens are 32 random bytes (base64url) with the prefix `chs_`; only their SHA-256 is kept,
/// so a memory dump of the table holds no usable token.
package final class AccountSessions: @unchecked Sendable {
    /// How long a session lasts by default: a quarter of an hour.
    package static let defaultLifetime: Duration = .seconds(15 * 60)
    /// What a session token starts with, so it is told from an issuer token at a glance.
    package static let prefix = "chs_"
    /// At most this many live sessions; a login beyond them is refused until some end.
    package static let maximumSessions = 10_000

    /// A session's account and its opened custody.
    package struct Session: Sendable {
        /// The account's name.
        package let account: String
        /// The account's keys, unlocked for this session.
        package let custody: AccountCustody
        /// When it ends, milliseconds since 1970.
        package let expires: Int64
    }

    /// What a bearer token is.
    package enum Lookup: Sendable {
        /// A live session.
        case session(Session)
        /// A session that has ended by expiry.
        case expired
        /// No session of this node (never opened, or closed).
        case unknown
    }

    private let lifetime: Duration
    private let lock = NSLock()
    private var sessions: [[UInt8]: Session] = [:]
    private let maximum: Int

    /// Sessions lasting `lifetime`, at most `maximum` live at once.
    package init(lifetime: Duration = defaultLifetime, maximum: Int = maximumSessions) {
        self.lifetime = lifetime
        self.maximum = maximum
    }

    /// Whether `token` has the form of a session token (and so is not an issuer token).
    package static func isSessionToken(_ token: String) -> Bool { token.hasPrefix(prefix) }

    /// Opens a session for an account whose custody was unlocked.
    /// - Returns: the token (shown once, never stored) and the expiry, or `nil` when the node
    ///   holds as many sessions as it may.
    package func open(account: String, custody: AccountCustody, now: Int64) -> (token: String, expires: Int64)? {
        let token = Self.prefix + Base64URL.encode(SecureRandom.bytes(count: 32))
        let expires = now + Int64(lifetime.components.seconds) * 1000
        let opened: Bool = lock.withLock {
            sweep(now: now)
            guard sessions.count < maximum else { return false }
            sessions[Hash.sha256(Array(token.utf8))] = Session(account: account, custody: custody, expires: expires)
            return true
        }
        return opened ? (token, expires) : nil
    }

    /// The session `token` names.
    package func lookup(_ token: String, now: Int64) -> Lookup {
        let digest = Hash.sha256(Array(token.utf8))
        return lock.withLock {
            guard let session = sessions[digest] else { return .unknown }
            guard session.expires > now else {
                sessions[digest] = nil
                Self.lockKeys(of: session)
                return .expired
            }
            return .session(session)
        }
    }

    /// Ends the session `token` names, wiping its keys.
    /// - Returns: whether there was one.
    @discardableResult
    package func close(_ token: String) -> Bool {
        let session = lock.withLock { sessions.removeValue(forKey: Hash.sha256(Array(token.utf8))) }
        if let session { Self.lockKeys(of: session) }
        return session != nil
    }

    /// How many sessions are open (expired ones not yet swept included).
    package var count: Int { lock.withLock { sessions.count } }

    /// Drops expired sessions; the caller holds the lock.
    private func sweep(now: Int64) {
        for (digest, session) in sessions where session.expires <= now {
            sessions[digest] = nil
            Self.lockKeys(of: session)
        }
    }

    /// Wipes the session's vault keys (a vault custodian keeps rebuilt keys until locked).
    private static func lockKeys(of session: Session) {
        guard let vault = session.custody.custodian as? VaultCustodian else { return }
        for key in [session.custody.memberKey] + session.custody.didKeys.map({ KeyReference($0.key) }) { vault.lock(key) }
    }
}
