import Chain
import Foundation
import KeyCustody
package import Primitives

/// Log-in of full-custody accounts: the password the user sends rebuilds the account's vault
/// keys for one session; the node keeps no password and asks none of its operator.
extension NodeCredentialService {
    /// A secret the caller already holds (a log-in's password), handed to the custody opening
    /// path as if read from the environment.
    private struct GivenPassword: SecretSource {
        let password: SecureBytes
        func secret(_ kind: SecretKind, account: String?) throws -> SecureBytes {
            guard kind == .password else { throw NodeError("A log-in carries a password, not a token PIN.") }
            return password
        }
    }

    /// `POST /sessions`: unlocks `username`'s vault keys with `password` and opens a session.
    package func openSession(username: String, password: SecureBytes) async -> SessionOutcome {
        guard !username.isEmpty, password.count > 0 else { return .malformed("Send {\"username\", \"password\"}, both non-empty.") }
        let record: AccountRecord
        do { record = try runtime.directory.account(username) } catch {
            // Told apart from a wrong password by nothing, so account names cannot be probed.
            return .unauthorized(Self.wrongLogin)
        }
        guard record.custody == "full" else {
            return .forbidden("Account '\(username)' keeps its keys itself (\(record.custody) custody) and does not log in: "
                              + "sign on the client and send transactions to POST /transactions, or use an issuer token.")
        }
        let directory = runtime.directory.with(secrets: GivenPassword(password: password))
        do {
            let custody = try await directory.custodian(for: record)
            guard let opened = sessions.open(account: username, custody: custody, now: Int64(runtime.clock.nowMilliseconds())) else {
                return .unavailable("The node holds as many sessions as it may; retry when some have ended.")
            }
            return .opened(token: opened.token, account: username, expires: opened.expires)
        } catch let error as KeyCustodyError where error.code == .authenticationFailed {
            // The same sentence as for an unknown account; the vault counted the attempt, and
            // after five the account is locked (429 with Retry-After).
            return .unauthorized(Self.wrongLogin)
        } catch let error as KeyCustodyError where error.code == .lockedOut {
            return .throttled(error.reason, retryAfterSeconds: Self.seconds(error.retryAfter))
        } catch {
            return .failed("Opening the vault for '\(username)' failed: \(error)")
        }
    }
}
