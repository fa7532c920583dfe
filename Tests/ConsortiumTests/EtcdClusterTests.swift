import AsyncHTTPClient
import Benchmarks
import Consortium
import Foundation
import Testing

/// The test etcd cluster itself: a member that cannot bind its port is retried on fresh ports,
/// and when every attempt fails the error says which member died and why, from its own log.
@Suite(.serialized)
struct EtcdClusterTests {
    @Test("a member whose client port is taken exits, and the cluster starts again on other ports and answers")
    func retriesOnATakenPort() async throws {
        let taken = try Listener()
        defer { taken.close() }
        var calls = 0
        let cluster = try EtcdCluster(choosePort: {
            calls += 1
            return calls == 1 ? taken.port : try EtcdCluster.freePort()
        })
        defer { cluster.stop() }
        #expect(calls > 6, "a second attempt chose its own ports")
        #expect(!cluster.endpoints.contains("http://127.0.0.1:\(taken.port)"))
        let etcd = EtcdClient(endpoints: cluster.endpoints, httpClient: .shared)
        #expect(try await etcd.put(key: Array("/t/a".utf8), value: Array("1".utf8)) > 0)
    }

    @Test("when every attempt gets a taken port the error names the member and quotes its log, and nothing is left running")
    func namesTheMemberThatDied() throws {
        let taken = try Listener()
        defer { taken.close() }
        var calls = 0
        var given: [Int] = []
        var error: (any Error)?
        do {
            _ = try EtcdCluster(choosePort: {
                calls += 1
                let port = calls % 6 == 1 ? taken.port : try EtcdCluster.freePort()
                given.append(port)
                return port
            })
        } catch let caught { error = caught }
        let message = String(describing: try #require(error))
        #expect(message.contains("etcd member m1 exited at start"), "\(message)")
        #expect(message.contains("address already in use"), "\(message)")
        #expect(calls == 18, "three attempts of six ports")
        let left = etcdCommandLines().filter { line in given.contains { line.contains("127.0.0.1:\($0)") } }
        #expect(left.isEmpty, "no member left running: \(left)")
    }
}

/// The command lines of the etcd processes running on this machine now.
private func etcdCommandLines() -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.filter { Int($0) != nil }.compactMap { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
        return line.hasPrefix("/usr/bin/etcd ") ? line : nil
    }
}

/// A socket listening on a free port of 127.0.0.1 for the length of a test.
private struct Listener {
    let fd: Int32
    let port: Int

    init() throws {
        let port = try EtcdCluster.freePort()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let bound = EtcdCluster.withLoopback(port: port) { bind(fd, $0, $1) == 0 }
        guard bound, listen(fd, 1) == 0 else { throw CocoaError(.fileWriteUnknown) }
        self.fd = fd
        self.port = port
    }

    func close() { _ = Glibc.close(fd) }
}
