import AsyncHTTPClient
import Foundation
import KeyCustody
import NIOCore
import NIOHTTP1

/// How `didctl` reaches a vault node on another host: `POST /vault/requests` of the node at the
/// peer's URL (`specs/custody-vault.md` §9), the body sealed and signed by ``RemoteVaultNode``.
enum VaultHTTPTransport {
    /// A request is answered within this, or the node counts as unreachable for it.
    static let timeout = TimeAmount.seconds(10)

    /// The exchange for the vault node served at `url`.
    static func exchange(for url: URL) -> RemoteVaultNode.Exchange {
        let target = url.appendingPathComponent("vault/requests").absoluteString
        return { body in
            var request = HTTPClientRequest(url: target)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: timeout)
                let answer = try await response.body.collect(upTo: 1 << 20)
                return (Int(response.status.code), Array(answer.readableBytesView))
            } catch {
                throw DidctlFailure(NodeClient.describe(error))
            }
        }
    }
}
