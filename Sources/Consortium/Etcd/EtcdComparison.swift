internal import Primitives

/// One comparison of an etcd transaction.
public struct EtcdComparison: Sendable {
    let json: JSONValue

    /// The key's value equals `value`.
    public static func value(of key: [UInt8], equals value: [UInt8]) -> Self {
        Self(json: ["key": EtcdClient.encode(key), "target": "VALUE", "result": "EQUAL", "value": EtcdClient.encode(value)])
    }

    /// The key does not exist (its create revision is 0).
    public static func absent(_ key: [UInt8]) -> Self {
        Self(json: ["key": EtcdClient.encode(key), "target": "CREATE", "result": "EQUAL", "create_revision": "0"])
    }
}
