package import Chain
package import Foundation

/// What a consortium node keeps beside its ledger (`specs/consortium.md`): where it is in the
/// shared log, and the divergence it found, so that `didctl chain info` shows it after the fact.
extension DataDirectory {
    /// The next log sequence number this node will read (`LogOrdering.cursorFile`).
    package var logCursorURL: URL { url.appendingPathComponent("log-cursor") }

    /// The divergence alert this node raised, as JSON (`specs/consortium.md` §6).
    package var divergenceURL: URL { url.appendingPathComponent("divergence.json") }

    /// Whether the key file `name` exists (a node that joined a consortium holds only its own).
    package func hasKey(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: keysURL.appendingPathComponent("\(name).key").path)
    }

    /// Records the alert for `chain info`; a failure to write it is not worth stopping for.
    package func record(_ alert: DivergenceAlert) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try? encoder.encode(alert).write(to: divergenceURL, options: .atomic)
    }

    /// The alert this node raised, if any.
    package func divergence() -> DivergenceAlert? {
        FileManager.default.contents(atPath: divergenceURL.path).flatMap { try? JSONDecoder().decode(DivergenceAlert.self, from: $0) }
    }
}
