import Foundation

/// How the benchmarks summarise what they timed, in one place so every figure is taken alike.
package enum BenchmarkStatistics {
    /// The middle value (the upper middle for an even count), as the benchmarks report rounds.
    /// - Parameter values: at least one value.
    /// - Returns: the median.
    package static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// The value at fraction `p` of `sorted` (nearest rank, rounded down); 0 for no values.
    /// - Parameters:
    ///   - sorted: values in ascending order.
    ///   - p: the fraction, from 0 to 1.
    /// - Returns: the percentile.
    package static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// The process's peak resident set (VmHWM from /proc/self/status) in MB; 0 where unknown.
    package static func peakRSSMegabytes() -> Double { statusMegabytes("VmHWM:") }

    /// The process's resident memory now, in MB (VmRSS of /proc/self/status).
    package static func residentMegabytes() -> Double { statusMegabytes("VmRSS:") }

    private static func statusMegabytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    package var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
