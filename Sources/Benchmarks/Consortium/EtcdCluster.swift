package import Foundation

/// A real etcd cluster on 127.0.0.1 (Debian's `etcd-server`), its members started as processes
/// of this process (a test, `didctl bench consortium`) and stopped by their own pids, also when
/// the caller fails (``stop()`` from a `defer`, and in `deinit`).
package final class EtcdCluster: @unchecked Sendable {
    /// One member process.
    package struct Member {
        package let name: String
        package let clientURL: String
        package let process: Process
        /// The member's stderr.
        package let log: URL
    }

    package private(set) var members: [Member] = []
    /// The members' data directories' parent, removed by ``stop()``.
    package let directory: URL

    /// The members' client URLs.
    package var endpoints: [String] { members.map(\.clientURL) }

    /// Starts `size` members and waits until the cluster answers. A member that exits at start
    /// (most often: another process took one of its ports between choosing and binding) ends the
    /// attempt; the cluster is started again on fresh ports, at most three times, and the last
    /// failure names the member and the end of its own log.
    /// `choosePort` is how each attempt picks its ports (a test passes a taken one).
    package init(size: Int = 3, choosePort: () throws -> Int = EtcdCluster.freePort) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-etcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        BenchmarkChildren.temporary(directory)
        var attempt = 1
        while true {
            do {
                try start(size: size, attempt: attempt, choosePort: choosePort)
                return
            } catch let failure as StartFailure where failure.retryable && attempt < 3 {
                stopMembers()
                attempt += 1
            } catch {
                stop()
                throw (error as? StartFailure).map { BenchmarkError($0.description) } ?? error
            }
        }
    }

    /// Why an attempt to start the members failed.
    private struct StartFailure: Error, CustomStringConvertible {
        let description: String
        /// A member exited (retry on other ports) rather than the cluster staying unhealthy.
        let retryable: Bool
    }

    private func start(size: Int, attempt: Int, choosePort: () throws -> Int) throws {
        let ports = try (0..<(2 * size)).map { _ in try choosePort() }
        let names = (1...size).map { "m\($0)" }
        let peers = zip(names, ports.suffix(size)).map { "\($0)=http://127.0.0.1:\($1)" }.joined(separator: ",")
        let token = "chancery-test-\(UUID().uuidString.prefix(8))"
        let attemptDirectory = directory.appendingPathComponent("attempt-\(attempt)")
        try FileManager.default.createDirectory(at: attemptDirectory, withIntermediateDirectories: true)
        for index in 0..<size {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/etcd")
            let client = "http://127.0.0.1:\(ports[index])", peer = "http://127.0.0.1:\(ports[size + index])"
            process.arguments = [
                "--name", names[index], "--data-dir", attemptDirectory.appendingPathComponent(names[index]).path,
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", peers, "--initial-cluster-state", "new", "--initial-cluster-token", token,
                // Fast elections, so losing and regaining a member takes a moment, not seconds.
                "--heartbeat-interval", "50", "--election-timeout", "500",
            ]
            // Its own log, read back when it dies at start (a file, never a pipe nobody drains).
            let log = attemptDirectory.appendingPathComponent("\(names[index]).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            BenchmarkChildren.started(process.processIdentifier)
            members.append(Member(name: names[index], clientURL: client, process: process, log: log))
        }
        try waitUntilHealthy()
    }

    deinit { stop() }

    /// Stops every member still running (SIGTERM, then waits) and removes the data.
    package func stop() {
        stopMembers()
        try? FileManager.default.removeItem(at: directory)
        BenchmarkChildren.temporary(directory, removed: true)
    }

    /// Stops every member still running (SIGTERM, then waits) and forgets them.
    private func stopMembers() {
        for member in members where member.process.isRunning {
            member.process.terminate()
            member.process.waitUntilExit()
        }
        for member in members { BenchmarkChildren.ended(member.process.processIdentifier) }
        members = []
    }

    /// Kills one member at once (SIGKILL), as a crash would.
    package func kill(_ index: Int) {
        let process = members[index].process
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        BenchmarkChildren.ended(process.processIdentifier)
    }

    /// Waits (at most 60 s) until every running member reports itself healthy.
    private func waitUntilHealthy() throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let dead = members.first(where: { !$0.process.isRunning }) {
                let tail = (try? String(contentsOf: dead.log, encoding: .utf8))?
                    .split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
                throw StartFailure(description: "etcd member \(dead.name) exited at start (status \(dead.process.terminationStatus)): \(tail)",
                                   retryable: true)
            }
            // After the check for dead members: a dead member's port may belong to a process
            // that never answers.
            if members.allSatisfy({ Self.isHealthy($0.clientURL) }) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw StartFailure(description: "the etcd cluster did not become healthy within 60 s", retryable: false)
    }

    /// `GET /health` over a plain socket: Foundation's URL loading needs FoundationNetworking,
    /// which `didctl` does not link.
    private static func isHealthy(_ url: String) -> Bool {
        guard let port = URL(string: url)?.port else { return false }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Bounds connect too (Linux): a listener whose backlog is full drops the SYN, and the
        // kernel would retry it for two minutes.
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withLoopback(port: port) { connect(fd, $0, $1) == 0 }
        guard connected else { return false }
        let request = Array("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return false }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while answer.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += buffer.prefix(count)
        }
        return String(decoding: answer, as: UTF8.self).contains("\"health\":\"true\"")
    }

    /// A TCP port nothing listens on now, below the kernel's ephemeral range: ports from that
    /// range (what binding to 0 gives) are also handed to outgoing connections, so under a busy
    /// test run another process's client could take one between choosing it and etcd binding it.
    /// Ports are not handed out twice by this process.
    package static func freePort() throws -> Int {
        let ephemeralStart = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8))?
            .split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
        let range = 10_000..<max(ephemeralStart, 12_000)
        for _ in 0..<1_000 {
            let port = Int.random(in: range)
            guard handedOutLock.withLock({ handedOut.insert(port).inserted }) else { continue }
            if canBind(port) { return port }
        }
        throw BenchmarkError("no free TCP port in \(range) for an etcd member")
    }

    private static let handedOutLock = NSLock()
    nonisolated(unsafe) private static var handedOut: Set<Int> = []

    /// Whether 127.0.0.1:`port` can be bound now (bound and released at once).
    private static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withLoopback(port: port) { bind(fd, $0, $1) == 0 }
    }

    /// Calls `body` with the address 127.0.0.1:`port` as `bind` and `connect` take it.
    package static func withLoopback<T>(port: Int, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }
}
