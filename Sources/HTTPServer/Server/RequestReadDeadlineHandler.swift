import Node
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Primitives

/// Holds every request to a read deadline: from its first bytes to the end of its body, a
/// request has ``timeout`` to arrive. A slower one is answered 408 (when no response to the
/// connection has begun) and its connection closed.
///
/// The idle timeout alone fires only when nothing arrives, so a client trickling a byte every
/// few seconds held its connection, and the handler waiting for the body, for ever. Hummingbird
/// places this handler after its HTTP decoding, where it sees requests begin and end; a small
/// companion at the front of the pipeline reports the first bytes of a request, so that
/// headers trickled before the request head count against the deadline too.
final class RequestReadDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var context: ChannelHandlerContext?
    private var deadline: Scheduled<Void>?
    /// Between a request's first bytes and its end.
    private var reading = false
    /// Whether a response head was written since the request being read began (an early
    /// answer such as 413, or the previous request's answer on a pipelined connection): then
    /// no 408 can follow it, and the connection is only closed.
    private var responseBegun = false

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        try? context.pipeline.syncOperations.addHandler(RequestBytesObserver(owner: self), position: .first)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: requestBegins()
        case .body: break
        case .end:
            reading = false
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head = unwrapOutboundIn(data) { responseBegun = true }
        context.write(data, promise: promise)
    }

    /// Starts the deadline when bytes or a head arrive and no request is being read.
    fileprivate func requestBegins() {
        guard !reading, let context else { return }
        reading = true
        responseBegun = false
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in self?.expire() }
    }

    private func expire() {
        deadline = nil
        guard reading, let context else { return }
        if !responseBegun {
            let seconds = timeout.nanoseconds / 1_000_000_000
            let problem = ProblemDetails(HTTPServerError(.requestTimeout,
                "The request did not arrive within \(seconds) s of its first bytes; send it at once, or a smaller body."))
            let body = ByteBuffer(bytes: problem.jsonValue.serialized())
            var head = HTTPResponse(status: .requestTimeout)
            head.headerFields[.contentType] = ProblemDetails.mediaType
            head.headerFields[.contentLength] = String(body.readableBytes)
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(body)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        context.close(promise: nil)
    }
}

/// The companion at the front of the pipeline: tells the deadline handler that bytes arrived,
/// before the HTTP decoder holds them back until a request head is complete.
private final class RequestBytesObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private weak var owner: RequestReadDeadlineHandler?

    init(owner: RequestReadDeadlineHandler) { self.owner = owner }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        owner?.requestBegins()
        context.fireChannelRead(data)
    }
}
