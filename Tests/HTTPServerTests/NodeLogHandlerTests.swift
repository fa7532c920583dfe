import Foundation
@testable import HTTPServer
import Logging
import Synchronization
import Testing

@Suite struct NodeLogHandlerTests {
    /// Counts how often its description is asked for.
    final class Counted: CustomStringConvertible, Sendable {
        let reads = Atomic<Int>(0)
        var description: String {
            reads.add(1, ordering: .relaxed)
            return "42"
        }
    }

    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func settingMetadataFormatsNothingUntilALineIsWritten() {
        let lines = Lines(), counted = Counted()
        var logger = Logger(label: "chancery.test") { NodeLogHandler(label: $0, timestamp: { "T" }, write: lines.append) }
        logger[metadataKey: "request"] = .stringConvertible(counted)
        logger.info("below the level")
        #expect(counted.reads.load(ordering: .relaxed) == 0)
        #expect(lines.all.isEmpty)
        logger.warning("written")
        #expect(counted.reads.load(ordering: .relaxed) == 1)
        #expect(lines.all == ["T warning chancery.test: written request=42\n"])
    }

    @Test func aLineCarriesTheMessagesMetadataInNameOrderAfterTheLoggers() {
        let lines = Lines()
        var logger = Logger(label: "chancery.test") { NodeLogHandler(label: $0, timestamp: { "T" }, write: lines.append) }
        logger[metadataKey: "zone"] = "a"
        logger[metadataKey: "b"] = "logger"
        logger.error("failed", metadata: ["b": "message", "c": "1"])
        #expect(lines.all == ["T error chancery.test: failed b=message c=1 zone=a\n"])
    }

    @Test func metadataIsAValueOfEachLogger() {
        let lines = Lines()
        var first = Logger(label: "l") { NodeLogHandler(label: $0, timestamp: { "T" }, write: lines.append) }
        first[metadataKey: "id"] = "1"
        var second = first
        second[metadataKey: "id"] = "2"
        first.warning("x")
        second.warning("y")
        second[metadataKey: "id"] = nil
        second.warning("z")
        #expect(lines.all == ["T warning l: x id=1\n", "T warning l: y id=2\n", "T warning l: z\n"])
        #expect(first[metadataKey: "id"] == "1" && second[metadataKey: "id"] == nil)
    }
}
