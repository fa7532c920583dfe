import Credentials
import Foundation
import Primitives

/// A ``ChallengeStore`` in the data directory, so `didctl presentation challenge` and a later
/// `presentation verify` (another process) share single use: a challenge is a file, and
/// consuming it is an atomic rename that only one verifier can win.
struct DirectoryChallengeStore: ChallengeStore {
    let url: URL
    /// How long a challenge may be answered, in ms.
    let lifetime: Int64 = 600_000

    init(directory: DataDirectory) { url = directory.url.appendingPathComponent("challenges") }

    func issue(now: Int64) throws -> String {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let challenge = Base64URL.encode(SecureRandom.bytes(count: 16))
        try Data(String(now).utf8).write(to: url.appendingPathComponent(challenge), options: .atomic)
        return challenge
    }

    func consume(_ challenge: String, now: Int64) throws -> ChallengeVerdict {
        // Base64url only: a challenge naming another path is simply unknown.
        guard !challenge.isEmpty, challenge.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), challenge.count <= 64 else {
            return .unknown
        }
        let live = url.appendingPathComponent(challenge), used = url.appendingPathComponent(challenge + ".used")
        guard let data = FileManager.default.contents(atPath: live.path) else {
            return FileManager.default.fileExists(atPath: used.path) ? .used : .unknown
        }
        guard rename(live.path, used.path) == 0 else { return .used }
        let issued = Int64(String(decoding: data, as: UTF8.self)) ?? 0
        return now - issued <= lifetime ? .fresh : .expired
    }
}
