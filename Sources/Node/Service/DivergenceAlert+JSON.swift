package import Chain
package import Primitives

extension DivergenceAlert {
    /// The alert as `GET /healthz` and `didctl chain info --json` show it.
    package var jsonValue: JSONValue {
        .object(["node": .string(node), "height": .number(Double(height)), "blockHash": .string(blockHash),
                 "stoppedSigning": .bool(stoppedSigning), "message": .string(message),
                 "disagreeing": .array(disagreeing.map { .object(["node": .string($0.node), "blockHash": .string($0.blockHash)]) })])
    }
}
