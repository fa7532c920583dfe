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
    }

    package private(set) var members: [Member] = []
    /// The members' data directories' parent, removed by ``stop()``.
    package let directory: URL

    /// The members' client URLs.
    package var endpoints: [String] { members.map(\.clientURL) }

    /// Starts `size` members and waits until the cluster answers.
    package init(size: Int = 3) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-etcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        BenchmarkChildren.temporary(directory)
        let ports = try (0..<(2 * size)).map { _ in try Self.freePort() }
        let names = (1...size).map { "m\($0)" }
        let peers = zip(names, ports.suffix(size)).map { "\($0)=http://127.0.0.1:\($1)" }.joined(separator: ",")
        let token = "chancery-test-\(UUID().uuidString.prefix(8))"
        for index in 0..<size {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/etcd")
            let client = "http://127.0.0.1:\(ports[index])", peer = "http://127.0.0.1:\(ports[size + index])"
            process.arguments = [
                "--name", names[index], "--data-dir", directory.appendingPathComponent(names[index]).path,
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", peers, "--initial-cluster-state", "new", "--initial-cluster-token", token,
                // Fast elections, so losing and regaining a member takes a moment, not seconds.
                "--heartbeat-interval", "50", "--election-timeout", "500",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            BenchmarkChildren.started(process.processIdentifier)
            members.append(Member(name: names[index], clientURL: client, process: process))
        }
        do { try waitUntilHealthy() } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Stops every member still running (SIGTERM, then waits) and removes the data.
    package func stop() {
        for member in members where member.process.isRunning {
            member.process.terminate()
            member.process.waitUntilExit()
        }
        for member in members { BenchmarkChildren.ended(member.process.processIdentifier) }
        try? FileManager.default.removeItem(at: directory)
        BenchmarkChildren.temporary(directory, removed: true)
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
            if members.allSatisfy({ Self.isHealthy($0.clientURL) }) { return }
            if let dead = members.first(where: { !$0.process.isRunning }) {
                throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "etcd member \(dead.name) exited at start"])
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "the etcd cluster did not become healthy"])
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
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
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

    /// A TCP port nothing listens on now (bound to 0 and released).
    package static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
