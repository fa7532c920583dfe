import Node
import Foundation
import Primitives

/// A minimal Prometheus registry: counters and histograms with labels, written in the text
/// exposition format 0.0.4. Small on purpose: the node exposes a handful of families.
final class MetricsRegistry: @unchecked Sendable {
    /// A metric family's declaration: `# HELP` and `# TYPE` lines.
    struct Family: Sendable {
        enum Kind: String, Sendable { case counter, gauge, histogram }
        let name: String
        let help: String
        let kind: Kind
        /// Upper bounds of the histogram buckets, ascending (`+Inf` is added).
        var buckets: [Double] = []
    }

    private struct Series: Hashable {
        let name: String
        /// Label names and values as recorded, in declaration order: they are rendered only
        /// for an exposition, not on every request.
        let labels: [Label]
    }

    private struct Label: Hashable {
        let key: String
        let value: String
    }

    private struct Histogram {
        var counts: [UInt64]
        var sum = 0.0
        var count: UInt64 = 0
    }

    private let lock = AdaptiveLock()
    private let families: [Family]
    // Guarded by `lock`; a class with a lock rather than an actor so recording never suspends.
    private var counters: [Series: Double] = [:]
    private var histograms: [Series: Histogram] = [:]

    init(families: [Family]) { self.families = families }

    /// Adds `amount` to a counter series.
    func increment(_ name: String, _ labels: KeyValuePairs<String, String> = [:], by amount: Double = 1) {
        let series = Series(name: name, labels: labels.map { Label(key: $0.key, value: $0.value) })
        lock.withLock { counters[series, default: 0] += amount }
    }

    /// Records one observation in a histogram series.
    func observe(_ name: String, _ labels: KeyValuePairs<String, String> = [:], _ value: Double) {
        guard let family = families.first(where: { $0.name == name }) else { return }
        let series = Series(name: name, labels: labels.map { Label(key: $0.key, value: $0.value) })
        lock.withLock {
            var histogram = histograms[series] ?? Histogram(counts: Array(repeating: 0, count: family.buckets.count))
            for (position, bound) in family.buckets.enumerated() where value <= bound { histogram.counts[position] += 1 }
            histogram.sum += value
            histogram.count += 1
            histograms[series] = histogram
        }
    }

    /// The exposition text, with `gauges` (name → value, read at scrape time) for gauge families.
    func exposition(gauges: [String: Double]) -> String {
        let (counters, histograms) = lock.withLock { (self.counters, self.histograms) }
        var text = ""
        for family in families {
            text += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.kind.rawValue)\n"
            switch family.kind {
            case .counter:
                for (labels, value) in Self.rendered(counters, of: family) {
                    text += "\(family.name)\(Self.braces(labels)) \(Self.format(value))\n"
                }
                if let value = gauges[family.name] { text += "\(family.name) \(Self.format(value))\n" }
            case .gauge:
                if let value = gauges[family.name] { text += "\(family.name) \(Self.format(value))\n" }
            case .histogram:
                for (labels, histogram) in Self.rendered(histograms, of: family) {
                    for (position, bound) in family.buckets.enumerated() {
                        text += "\(family.name)_bucket\(Self.braces(labels + ["le=\"\(Self.format(bound))\""])) \(histogram.counts[position])\n"
                    }
                    text += "\(family.name)_bucket\(Self.braces(labels + ["le=\"+Inf\""])) \(histogram.count)\n"
                    text += "\(family.name)_sum\(Self.braces(labels)) \(Self.format(histogram.sum))\n"
                    text += "\(family.name)_count\(Self.braces(labels)) \(histogram.count)\n"
                }
            }
        }
        return text
    }

    /// The family's series with their labels rendered as `key="value"`, sorted by them.
    private static func rendered<Value>(_ series: [Series: Value], of family: Family) -> [(labels: [String], value: Value)] {
        series.filter { $0.key.name == family.name }
            .map { (labels: $0.key.labels.map { "\($0.key)=\"\(escape($0.value))\"" }, value: $0.value) }
            .sorted { $0.labels.lexicographicallyPrecedes($1.labels) }
    }

    private static func braces(_ labels: [String]) -> String { labels.isEmpty ? "" : "{\(labels.joined(separator: ","))}" }

    /// Label values escape backslash, double quote and line feed (exposition format 0.0.4).
    private static func escape(_ value: String) -> String {
        // Nearly every value (route, status, outcome) needs no escaping: skip Foundation's
        // three searches, which showed in profiles at tens of thousands of requests a second.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
            return value
        }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
