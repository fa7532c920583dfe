/// A fixed-capacity map that forgets its least recently used entry when full: a hash map over
/// a doubly linked list kept in one array (removal moves the last node into the hole), so every
/// operation is O(1).
struct LRUCache<Key: Hashable, Value> {
    private struct Node {
        let key: Key
        var value: Value
        var newer: Int?
        var older: Int?
    }

    let capacity: Int
    private var nodes: [Node] = []
    private var slots: [Key: Int] = [:]
    private var newest: Int?
    private var oldest: Int?

    init(capacity: Int) {
        precondition(capacity > 0, "an LRU cache holds at least one entry")
        self.capacity = capacity
    }

    var count: Int { nodes.count }

    /// The value for `key`, which becomes the most recently used.
    mutating func value(for key: Key) -> Value? {
        guard let slot = slots[key] else { return nil }
        unlink(slot)
        pushNewest(slot)
        return nodes[slot].value
    }

    /// Stores `value` as the most recently used, evicting the least recently used if full.
    mutating func setValue(_ value: Value, for key: Key) {
        if let slot = slots[key] {
            nodes[slot].value = value
            unlink(slot)
            pushNewest(slot)
            return
        }
        nodes.append(Node(key: key, value: value))
        slots[key] = nodes.count - 1
        pushNewest(nodes.count - 1)
        if nodes.count > capacity, let oldest { remove(at: oldest) }
    }

    mutating func removeValue(for key: Key) {
        if let slot = slots[key] { remove(at: slot) }
    }

    mutating func removeAll(where shouldRemove: (Key) -> Bool) {
        for key in slots.keys where shouldRemove(key) { removeValue(for: key) }
    }

    private mutating func remove(at slot: Int) {
        unlink(slot)
        slots[nodes[slot].key] = nil
        let last = nodes.count - 1
        if slot != last {
            let moved = nodes[last]
            nodes[slot] = moved
            slots[moved.key] = slot
            if let newer = moved.newer { nodes[newer].older = slot } else { newest = slot }
            if let older = moved.older { nodes[older].newer = slot } else { oldest = slot }
        }
        nodes.removeLast()
    }

    private mutating func unlink(_ slot: Int) {
        let node = nodes[slot]
        if let newer = node.newer { nodes[newer].older = node.older } else { newest = node.older }
        if let older = node.older { nodes[older].newer = node.newer } else { oldest = node.newer }
        nodes[slot].newer = nil
        nodes[slot].older = nil
    }

    private mutating func pushNewest(_ slot: Int) {
        nodes[slot].older = newest
        if let newest { nodes[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }
}
