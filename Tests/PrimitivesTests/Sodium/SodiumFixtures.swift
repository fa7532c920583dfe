/// Hex helpers for this folder's vector tests (kept local so the folder does not depend on
/// the encodings being written elsewhere).
enum SodiumFixtures {
    /// The bytes of a lower- or upper-case hex string; traps on malformed fixtures.
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        precondition(digits.count.isMultiple(of: 2), "odd-length hex fixture")
        return stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index ..< index + 2], as: UTF8.self), radix: 16)!
        }
    }

    /// Lower-case hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
