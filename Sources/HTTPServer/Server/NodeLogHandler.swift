import Node
import Foundation
import Logging

/// The node's log handler: one line per message on standard error, with the metadata in
/// name order.
///
/// Hummingbird gives every request a logger with its own `hb.request.id`. swift-log's
/// `StreamLogHandler` renders its metadata to text each time a key is set, so every request
/// paid for formatting a line that, at the node's `warning` level, is almost never written
/// (about 4% of a verification's CPU time under load). This handler stores what it is given
/// and renders it only when a message is written.
struct NodeLogHandler: LogHandler {
    /// The logger's metadata in the order set; a pair list rather than a dictionary because a
    /// request's logger gets one key and is gone milliseconds later, usually never written.
    private var pairs: [(key: String, value: Logger.MetadataValue)] = []
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .warning
    private let label: String
    private let timestamp: @Sendable () -> String
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - label: the logger's label, printed on every line.
    ///   - timestamp: the time printed first on a line, read only when a line is written.
    ///   - write: where a finished line (with its newline) goes.
    init(label: String, timestamp: @escaping @Sendable () -> String = { Date().ISO8601Format() },
         write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.timestamp = timestamp
        self.write = write
    }

    var metadata: Logger.Metadata {
        get { Logger.Metadata(pairs, uniquingKeysWith: { $1 }) }
        set { pairs = newValue.map { (key: $0.key, value: $0.value) } }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { pairs.last { $0.key == key }?.value }
        set {
            pairs.removeAll { $0.key == key }
            if let newValue { pairs.append((key: key, value: newValue)) }
        }
    }

    func log(event: LogEvent) {
        var all = metadataProvider?.get() ?? [:]
        all.merge(metadata) { $1 }
        if let extra = event.metadata { all.merge(extra) { $1 } }
        var line = "\(timestamp()) \(event.level) \(label): \(event.message)"
        for (key, value) in all.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        write(line + "\n")
    }
}
