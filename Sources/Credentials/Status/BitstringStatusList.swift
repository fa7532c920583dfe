/// A W3C Bitstring Status List (Recommendation 2025): one fixed-width status per credential,
/// packed into a bitstring whose index 0 is the most significant (left-most) bit of the first byte.
///
/// ```swift
/// var list = try BitstringStatusList()
/// try list.setBit(at: 94_567, to: true)      // revoke credential 94567
/// let published = list.encodedList           // "uH4sI…"
/// ```
public struct BitstringStatusList: Hashable, Sendable {
    /// The smallest bitstring, in bits (16 KiB): the spec's minimum, so that one list hides
    /// each credential among many (herd privacy).
    public static let minimumBitCount = 131_072
    /// The largest bitstring accepted, in bits (16 MiB of bytes): this implementation's cap,
    /// which bounds what a downloaded `encodedList` may decompress to.
    public static let maximumBitCount = 16 * 1_048_576 * 8
    /// The widths a status may have, in bits.
    public static let supportedStatusSizes = 1...8

    /// The packed bitstring, index 0 in the high bit of `bytes[0]`.
    public private(set) var bytes: [UInt8]
    /// The width of each status, in bits (1 unless the list carries status messages).
    public let statusSize: Int

    /// The number of statuses the list holds.
    public var count: Int { bytes.count * 8 / statusSize }

    /// A list with every status 0.
    /// - Parameters:
    ///   - bitCount: the length of the bitstring, a multiple of 8 of at least ``minimumBitCount``.
    ///   - statusSize: bits per status, in ``supportedStatusSizes``.
    /// - Throws: `CredentialsError.invalidStatusList` for a length or status size outside the limits.
    public init(bitCount: Int = minimumBitCount, statusSize: Int = 1) throws {
        // Checked before allocating, so an absurd count fails instead of exhausting memory.
        guard bitCount % 8 == 0, (Self.minimumBitCount...Self.maximumBitCount).contains(bitCount) else {
            throw CredentialsError.invalidStatusList(
                "A status list needs a multiple of 8 bits between \(Self.minimumBitCount) and \(Self.maximumBitCount).")
        }
        try self.init(bytes: [UInt8](repeating: 0, count: bitCount / 8), statusSize: statusSize)
    }

    /// A list over existing bytes, checked against the limits (`minimumBitCount` is lowered only
    /// by tests that read published lists shorter than the spec allows).
    package init(bytes: [UInt8], statusSize: Int, minimumBitCount: Int = Self.minimumBitCount) throws {
        guard Self.supportedStatusSizes.contains(statusSize) else {
            throw CredentialsError.invalidStatusList("A status size must be between 1 and 8 bits, not \(statusSize).")
        }
        guard bytes.count * 8 >= minimumBitCount else {
            throw CredentialsError.invalidStatusList(
                "A status list of \(bytes.count * 8) bits is shorter than the minimum of \(minimumBitCount).")
        }
        guard bytes.count * 8 <= Self.maximumBitCount else {
            throw CredentialsError.invalidStatusList("A status list is longer than the \(Self.maximumBitCount)-bit cap.")
        }
        self.bytes = bytes
        self.statusSize = statusSize
    }

    /// The bit at a position of the bitstring.
    /// - Parameter index: a bit position, 0 being the left-most bit.
    /// - Returns: whether the bit is 1.
    /// - Throws: `CredentialsError.invalidStatusList` when `index` is outside the bitstring.
    public func bit(at index: Int) throws -> Bool {
        try checkBit(index)
        return bytes[index >> 3] & Self.mask(index) != 0
    }

    /// Sets the bit at a position of the bitstring.
    /// - Parameters:
    ///   - index: a bit position, 0 being the left-most bit.
    ///   - value: the new bit.
    /// - Throws: `CredentialsError.invalidStatusList` when `index` is outside the bitstring.
    public mutating func setBit(at index: Int, to value: Bool) throws {
        try checkBit(index)
        if value { bytes[index >> 3] |= Self.mask(index) } else { bytes[index >> 3] &= ~Self.mask(index) }
    }

    /// The status of one credential: `statusSize` bits starting at `index × statusSize`, read
    /// most significant bit first.
    /// - Parameter index: the credential's `statusListIndex`.
    /// - Returns: the status value, below `2^statusSize`.
    /// - Throws: `CredentialsError.invalidStatusList` when `index` is outside the list.
    public func status(at index: Int) throws -> Int {
        try checkStatus(index)
        var value = 0
        for offset in 0..<statusSize { value = value << 1 | (try bit(at: index * statusSize + offset) ? 1 : 0) }
        return value
    }

    /// Sets the status of one credential.
    /// - Parameters:
    ///   - index: the credential's `statusListIndex`.
    ///   - value: the new status, below `2^statusSize`.
    /// - Throws: `CredentialsError.invalidStatusList` when `index` or `value` is out of range.
    public mutating func setStatus(at index: Int, to value: Int) throws {
        try checkStatus(index)
        guard value >= 0, value < 1 << statusSize else {
            throw CredentialsError.invalidStatusList("Status \(value) does not fit in \(statusSize) bits.")
        }
        for offset in 0..<statusSize {
            try setBit(at: index * statusSize + offset, to: value >> (statusSize - 1 - offset) & 1 == 1)
        }
    }

    private static func mask(_ index: Int) -> UInt8 { 0x80 >> UInt8(index & 7) }

    private func checkBit(_ index: Int) throws {
        guard index >= 0, index < bytes.count * 8 else {
            throw CredentialsError.invalidStatusList("Bit \(index) is outside the \(bytes.count * 8)-bit status list.")
        }
    }

    private func checkStatus(_ index: Int) throws {
        guard index >= 0, index < count else {
            throw CredentialsError.invalidStatusList("Status index \(index) is outside the list of \(count) statuses.")
        }
    }
}
