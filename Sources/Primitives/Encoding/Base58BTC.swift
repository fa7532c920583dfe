/// Base 58 with the Bitcoin alphabet, as multibase `z` and did:key use it
/// (draft-msporny-base58-03); each leading zero byte is written as a leading `1`.
public enum Base58BTC {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    /// Encodes bytes as base58btc.
    /// - Parameter bytes: the bytes to encode.
    /// - Returns: the base58btc text (empty for no bytes).
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let zeros = input.prefix { $0 == 0 }.count
        // Little-endian base-58 digits of the big-endian number after the leading zeros.
        var digits: [UInt8] = []
        digits.reserveCapacity(input.count * 138 / 100 + 1)
        for byte in input[zeros...] {
            var carry = UInt32(byte)
            for i in digits.indices {
                carry += UInt32(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let out = [UInt8](repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest text ``decode(_:)`` reads. Decoding is quadratic in the length, and the
    /// text comes from strangers (a `proofValue`, a Multikey, a did:key): a megabyte of it
    /// would hold a core for minutes. Keys and signatures are under 150 characters.
    public static let maximumDecodedLength = 4096

    /// Decodes base58btc text.
    /// - Parameter text: characters of the Bitcoin base58 alphabet only, at most
    ///   ``maximumDecodedLength`` of them.
    /// - Returns: the decoded bytes (empty for `""`).
    /// - Throws: `PrimitivesError.invalidEncoding` for a character outside the alphabet or a
    ///   text longer than ``maximumDecodedLength``.
    public static func decode(_ text: String) throws -> [UInt8] {
        guard text.utf8.count <= maximumDecodedLength else {
            throw PrimitivesError.invalidEncoding("Base58btc text of \(text.utf8.count) characters is longer than the \(maximumDecodedLength) this reads.")
        }
        let chars = Array(text.utf8)
        let ones = chars.prefix { $0 == alphabet[0] }.count
        // Little-endian base-256 bytes of the number after the leading '1's.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chars.count * 733 / 1000 + 1)
        for char in chars[ones...] {
            let value = values[Int(char)]
            guard value != 0xff else {
                throw PrimitivesError.invalidEncoding("Base58btc text contains a character outside the Bitcoin alphabet.")
            }
            var carry = UInt32(value)
            for i in bytes.indices {
                carry += UInt32(bytes[i]) * 58
                bytes[i] = UInt8(truncatingIfNeeded: carry)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(truncatingIfNeeded: carry))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }
}
