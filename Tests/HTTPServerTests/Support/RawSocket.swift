#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A plain TCP client on loopback, for requests no HTTP client will send (a body that stops
/// half way).
final class RawSocket {
    private let descriptor: Int32

    /// How a wait for the server ended.
    enum Ending: Equatable { case closed, timedOut, error }

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else { throw RawSocketError() }
    }

    struct RawSocketError: Error {}

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Reads and discards whatever arrives until the server closes the connection or
    /// `seconds` pass.
    func receiveUntilClosed(within seconds: Int) -> Ending {
        setReceiveTimeout(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return .closed }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : (errno == ECONNRESET ? .closed : .error) }
        }
    }

    /// Everything the server sends until it closes the connection (or `seconds` pass), as text.
    func receiveAll(within seconds: Int) -> String {
        setReceiveTimeout(seconds)
        var received: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return String(decoding: received, as: UTF8.self) }
            received += buffer[..<count]
        }
    }

    private func setReceiveTimeout(_ seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { _ = Glibc.close(descriptor) }
}
