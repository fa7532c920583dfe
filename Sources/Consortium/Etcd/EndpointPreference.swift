import Foundation

/// Which etcd member answered last, shared by the copies of one ``EtcdClient``: requests try it
/// first. async-http-client keeps retrying a connection to a member that is down until the
/// request's deadline, so trying the endpoints in a fixed order would cost every request the
/// whole timeout once the first member is gone.
final class EndpointPreference: @unchecked Sendable {
    private let lock = NSLock()
    private var preferred = 0

    /// The endpoints, starting with the one that answered last.
    func ordered(_ endpoints: [String]) -> [String] {
        let start = lock.withLock { preferred } % max(endpoints.count, 1)
        return Array(endpoints[start...] + endpoints[..<start])
    }

    /// Records that `endpoint` answered.
    func answered(_ endpoint: String, among endpoints: [String]) {
        guard let index = endpoints.firstIndex(of: endpoint) else { return }
        lock.withLock { preferred = index }
    }
}
