#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

import Dispatch

/// A plain TCP client on loopback, for requests no HTTP client will send (a body that stops
/// half way). `@unchecked Sendable` so that ``offThePool(_:)`` can carry it; each socket is
/// used by one task at a time.
final class RawSocket: @unchecked Sendable {
    private var descriptor: Int32

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

    /// Runs blocking socket work on a dispatch thread: blocked on Swift Concurrency's few
    /// threads, a test could starve the in-process server it waits for, whose handlers need one.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// Sends `text`; a connection the server has closed is not a signal that ends the tests.
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What arrives within `milliseconds`: some text, or how the wait ended when nothing did.
    func receiveSome(withinMilliseconds milliseconds: Int) -> (text: String, ending: Ending?) {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: Int((milliseconds % 1000) * 1000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return (String(decoding: buffer[..<count], as: UTF8.self), nil) }
        if count == 0 { return ("", .closed) }
        return ("", errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : (errno == ECONNRESET ? .closed : .error))
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

    /// Closes the socket; closing it again does nothing (its number may belong to another by then).
    func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }
}
