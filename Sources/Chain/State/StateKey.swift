/// A namespace and key, the address of one state entry.
struct StateKey: Hashable, Sendable {
    let namespace: String
    let key: [UInt8]
}
