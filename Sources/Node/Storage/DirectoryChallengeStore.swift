package import Credentials
package import Foundation
package import Primitives

/// A ``ChallengeStore`` in the data directory, so `didctl presentation challenge` and a later
/// `presentation verify` (another process) share single use: a challenge is a file, and
/// consuming it is an atomic rename that only one verifier can win.
///
/// The folder is the operator's alone (0700, files 0600), and issuing a challenge deletes the
/// files of challenges issued longer ago than ``lifetime``, answered or not: nobody can
/// answer those any more, so the folder holds only the last ten minutes' challenges.
package struct DirectoryChallengeStore: ChallengeStore {
    package let url: URL
    /// How long a challenge may be answered, in ms.
    package let lifetime: Int64 = 600_000

    package init(directory: DataDirectory) { url = directory.url.appendingPathComponent("challenges") }

    package func issue(now: Int64) throws -> String {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A folder made by an older didctl (0755) is tightened.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        prune(now: now)
        let challenge = Self.newChallengeText()
        let path = url.appendingPathComponent(challenge).path
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw NodeError("Could not record the challenge in \(url.path): \(String(cString: strerror(errno))).") }
        defer { close(descriptor) }
        let text = Array(String(now).utf8)
        guard write(descriptor, text, text.count) == text.count else {
            throw NodeError("Could not record the challenge in \(url.path): \(String(cString: strerror(errno))).")
        }
        return challenge
    }

    package func consume(_ challenge: String, now: Int64) throws -> ChallengeVerdict {
        guard Self.isChallenge(challenge) else { return .unknown }
        let live = url.appendingPathComponent(challenge), used = url.appendingPathComponent(challenge + ".used")
        guard let data = FileManager.default.contents(atPath: live.path) else {
            return FileManager.default.fileExists(atPath: used.path) ? .used : .unknown
        }
        guard rename(live.path, used.path) == 0 else { return .used }
        let issued = Int64(String(decoding: data, as: UTF8.self)) ?? 0
        return ChallengeVerdict.judging(issued: issued, now: now, lifetime: lifetime)
    }

    /// Base64url only: a challenge naming another path is simply unknown.
    private static func isChallenge(_ name: Substring) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    private static func isChallenge(_ name: String) -> Bool { isChallenge(Substring(name)) }

    /// Deletes the files of challenges, live or used, issued more than ``lifetime`` ago; other
    /// files in the folder are left alone.
    private func prune(now: Int64) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where Self.isChallenge(name.hasSuffix(".used") ? name.dropLast(5) : Substring(name)) {
            let file = url.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path),
                  let issued = Int64(String(decoding: data, as: UTF8.self)), now - issued > lifetime else { continue }
            try? FileManager.default.removeItem(at: file)
        }
    }
}
