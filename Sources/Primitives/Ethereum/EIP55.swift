/// EIP-55 mixed-case checksum encoding of Ethereum addresses: a hex letter is upper case
/// exactly when the matching nibble of Keccak-256(lowercase hex address) is 8 or more.
public enum EIP55 {
    /// Encodes an address with its checksum case.
    /// - Parameter address: the address.
    /// - Returns: `0x` followed by 40 mixed-case hex digits.
    public static func encode(_ address: EthereumAddress) -> String {
        let lower = Array(Hex.encode(address.bytes).utf8)
        let hash = Keccak256.hash(lower)
        var out = Array("0x".utf8)
        for (index, char) in lower.enumerated() {
            let nibble = index % 2 == 0 ? hash[index / 2] >> 4 : hash[index / 2] & 0x0f
            let isLetter = char >= UInt8(ascii: "a")
            out.append(isLetter && nibble >= 8 ? char - 0x20 : char)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses an address, verifying the checksum when the text mixes cases.
    ///
    /// All-lowercase and all-uppercase text carries no checksum and is accepted as is, as
    /// EIP-55 allows for backward compatibility.
    /// - Parameter text: 40 hex digits, optionally prefixed with `0x`.
    /// - Returns: the address.
    /// - Throws: `PrimitivesError.invalidEncoding` when the text is not 40 hex digits or its
    ///   mixed case does not match the checksum.
    public static func decode(_ text: String) throws -> EthereumAddress {
        let digits = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
        guard digits.utf8.count == 40, !digits.hasPrefix("0x"), !digits.hasPrefix("0X") else {
            throw PrimitivesError.invalidEncoding("An Ethereum address is 40 hex digits, optionally prefixed with 0x.")
        }
        let address = try EthereumAddress(bytes: Hex.decode(digits))
        let hasLower = digits.utf8.contains { (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        let hasUpper = digits.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
        if hasLower, hasUpper, encode(address).dropFirst(2) != digits {
            throw PrimitivesError.invalidEncoding("The Ethereum address does not match its EIP-55 checksum.")
        }
        return address
    }
}
