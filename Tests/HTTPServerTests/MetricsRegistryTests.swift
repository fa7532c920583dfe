@testable import HTTPServer
import Testing

struct MetricsRegistryTests {
    private func registry() -> MetricsRegistry {
        MetricsRegistry(families: [
            .init(name: "c_total", help: "A counter.", kind: .counter),
            .init(name: "h_seconds", help: "A histogram.", kind: .histogram, buckets: [0.1, 1]),
        ])
    }

    @Test("series are kept by raw label values and rendered, escaped and sorted only in the exposition")
    func labelsRenderedAtExposition() {
        let metrics = registry()
        metrics.increment("c_total", ["route": "/b", "status": "200"])
        metrics.increment("c_total", ["route": "/a", "status": "200"], by: 2)
        metrics.increment("c_total", ["route": "/b", "status": "200"])
        metrics.increment("c_total", ["route": "say \"hi\"\\\n", "status": "400"])
        let lines = metrics.exposition(gauges: [:]).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("c_total{") } == [
            #"c_total{route="/a",status="200"} 2"#,
            #"c_total{route="/b",status="200"} 2"#,
            #"c_total{route="say \"hi\"\\\n",status="400"} 1"#,
        ])
    }

    @Test("a histogram series counts each observation in every bucket at or above it")
    func histogramBuckets() {
        let metrics = registry()
        for value in [0.05, 0.5, 5] { metrics.observe("h_seconds", ["route": "/x"], value) }
        let text = metrics.exposition(gauges: [:])
        #expect(text.contains(#"h_seconds_bucket{route="/x",le="0.1"} 1"#))
        #expect(text.contains(#"h_seconds_bucket{route="/x",le="1"} 2"#))
        #expect(text.contains(#"h_seconds_bucket{route="/x",le="+Inf"} 3"#))
        #expect(text.contains(#"h_seconds_count{route="/x"} 3"#))
    }
}
