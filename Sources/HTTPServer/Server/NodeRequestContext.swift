import Node
package import Hummingbird
package import NIOCore

/// The per-request context: Hummingbird's core storage plus the peer's address, which the
/// per-client concurrency limit keys on.
package struct NodeRequestContext: RequestContext, RemoteAddressRequestContext, Sendable {
    package var coreContext: CoreRequestContextStorage
    /// The connected peer, `nil` in in-process router tests.
    package let remoteAddress: SocketAddress?

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client the concurrency limit counts against: the peer's IP address without port.
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }
}
