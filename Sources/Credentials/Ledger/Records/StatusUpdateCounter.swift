import Chain

/// How many `status.update`s have applied to one index of a status list (`specs/credentials.md`
/// §5.5), namespace `cred.status.counter`, key `list id ‖ 0x00 ‖ u64 index`, value `u64`
/// (absent = 0). Each update names the count it was signed for and raises it by one, so a
/// signed update applies at most once, and updates of different indexes never conflict.
enum StatusUpdateCounter {
    static func key(list: String, index: Int) -> [UInt8] {
        CredentialLedgerState.text(list) + [0] + CredentialLedgerState.u64(UInt64(index))
    }

    /// The updates applied so far to `index` of `list`.
    static func read(list: String, index: Int, from state: any StateReader) throws -> UInt64 {
        try state.value(namespace: CredentialLedgerState.statusCounter, key: key(list: list, index: index))
            .map { try CredentialLedgerState.integers($0, count: 1)[0] } ?? 0
    }

    static func write(_ count: UInt64, list: String, index: Int, to state: StateTransaction) {
        state.put(namespace: CredentialLedgerState.statusCounter, key: key(list: list, index: index), value: CredentialLedgerState.u64(count))
    }
}
