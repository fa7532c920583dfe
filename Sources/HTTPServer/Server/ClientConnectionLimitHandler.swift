import Node
import NIOCore
import NIOHTTPTypes

/// Holds one of its client's connection slots for as long as the connection is open, and
/// closes a connection beyond the client's cap as soon as it is accepted (a client is a peer IP
/// address). Without a cap, one client trickling requests on many connections holds as many
/// of the node's connections as it opens.
final class ClientConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let slots: ClientConcurrencyLimiter
    /// The client whose slot this connection holds, once taken.
    private var client: String?
    private var refused = false

    /// - Parameter slots: the open connections of every client, shared by all connections.
    init(slots: ClientConcurrencyLimiter) { self.slots = slots }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { take(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        take(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { release() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A refused connection is closing: nothing it sent is answered.
        guard !refused else { return }
        context.fireChannelRead(data)
    }

    private func take(_ context: ChannelHandlerContext) {
        guard client == nil, !refused else { return }
        let key = context.channel.remoteAddress?.ipAddress ?? "unknown"
        if slots.acquire(key) {
            client = key
        } else {
            refused = true
            context.close(promise: nil)
        }
    }

    private func release() {
        guard let client else { return }
        slots.release(client)
        self.client = nil
    }
}
