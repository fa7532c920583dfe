#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A blocking TCP connection to 127.0.0.1, for a request sent in parts (the head and half its
/// body, the rest later) so that it is certainly in progress at a chosen moment.
final class LoopbackConnection {
    private let descriptor: Int32

    /// Connects, or answers `nil` when nothing accepts on `port` (connection refused).
    init?(port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        // A read never waits longer than this, so a test cannot hang on a silent server.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Sends `bytes`; a closed connection is reported as `false`, not as SIGPIPE.
    @discardableResult
    func send(_ bytes: some Collection<UInt8>) -> Bool {
        var bytes = Array(bytes)
        let sent = bytes.withUnsafeMutableBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return sent == bytes.count
    }

    /// Everything the server sends until it closes the connection (or a read times out).
    func receiveToEnd() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
