/// The Keccak-f[1600] permutation (FIPS 202 §3.3, the same permutation under SHA-3 and the
/// original Keccak), on 25 little-endian 64-bit lanes, lane index x + 5y.
///
/// The round body is written out lane by lane in local variables so the compiler can keep the
/// state in registers instead of indexing an array (generated from the FIPS 202 rotation
/// offsets and round constants; Keccak256Tests pin it to the Keccak team's answers).
enum KeccakF1600 {
    /// 25 lanes of state, stored inline (no heap allocation per hash).
    typealias Lanes = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64)

    static let zero: Lanes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    private static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]

    @inline(__always)
    private static func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 {
        value &<< count | value &>> (64 &- count)
    }

    /// Applies the 24 rounds in place to the 25 lanes at `lane`.
    static func permute(_ lane: UnsafeMutablePointer<UInt64>) {
        var a0 = lane[0], a1 = lane[1], a2 = lane[2], a3 = lane[3], a4 = lane[4]
        var a5 = lane[5], a6 = lane[6], a7 = lane[7], a8 = lane[8], a9 = lane[9]
        var a10 = lane[10], a11 = lane[11], a12 = lane[12], a13 = lane[13], a14 = lane[14]
        var a15 = lane[15], a16 = lane[16], a17 = lane[17], a18 = lane[18], a19 = lane[19]
        var a20 = lane[20], a21 = lane[21], a22 = lane[22], a23 = lane[23], a24 = lane[24]
        for rc in roundConstants {
            // θ
            let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
            let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
            let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
            let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
            let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)
            // ρ and π, with θ's column parity folded in
            let b0 = a0 ^ d0
            let b16 = rotl(a5 ^ d0, 36)
            let b7 = rotl(a10 ^ d0, 3)
            let b23 = rotl(a15 ^ d0, 41)
            let b14 = rotl(a20 ^ d0, 18)
            let b10 = rotl(a1 ^ d1, 1)
            let b1 = rotl(a6 ^ d1, 44)
            let b17 = rotl(a11 ^ d1, 10)
            let b8 = rotl(a16 ^ d1, 45)
            let b24 = rotl(a21 ^ d1, 2)
            let b20 = rotl(a2 ^ d2, 62)
            let b11 = rotl(a7 ^ d2, 6)
            let b2 = rotl(a12 ^ d2, 43)
            let b18 = rotl(a17 ^ d2, 15)
            let b9 = rotl(a22 ^ d2, 61)
            let b5 = rotl(a3 ^ d3, 28)
            let b21 = rotl(a8 ^ d3, 55)
            let b12 = rotl(a13 ^ d3, 25)
            let b3 = rotl(a18 ^ d3, 21)
            let b19 = rotl(a23 ^ d3, 56)
            let b15 = rotl(a4 ^ d4, 27)
            let b6 = rotl(a9 ^ d4, 20)
            let b22 = rotl(a14 ^ d4, 39)
            let b13 = rotl(a19 ^ d4, 8)
            let b4 = rotl(a24 ^ d4, 14)
            // χ
            a0 = b0 ^ (~b1 & b2)
            a1 = b1 ^ (~b2 & b3)
            a2 = b2 ^ (~b3 & b4)
            a3 = b3 ^ (~b4 & b0)
            a4 = b4 ^ (~b0 & b1)
            a5 = b5 ^ (~b6 & b7)
            a6 = b6 ^ (~b7 & b8)
            a7 = b7 ^ (~b8 & b9)
            a8 = b8 ^ (~b9 & b5)
            a9 = b9 ^ (~b5 & b6)
            a10 = b10 ^ (~b11 & b12)
            a11 = b11 ^ (~b12 & b13)
            a12 = b12 ^ (~b13 & b14)
            a13 = b13 ^ (~b14 & b10)
            a14 = b14 ^ (~b10 & b11)
            a15 = b15 ^ (~b16 & b17)
            a16 = b16 ^ (~b17 & b18)
            a17 = b17 ^ (~b18 & b19)
            a18 = b18 ^ (~b19 & b15)
            a19 = b19 ^ (~b15 & b16)
            a20 = b20 ^ (~b21 & b22)
            a21 = b21 ^ (~b22 & b23)
            a22 = b22 ^ (~b23 & b24)
            a23 = b23 ^ (~b24 & b20)
            a24 = b24 ^ (~b20 & b21)
            // ι
            a0 ^= rc
        }
        lane[0] = a0; lane[1] = a1; lane[2] = a2; lane[3] = a3; lane[4] = a4
        lane[5] = a5; lane[6] = a6; lane[7] = a7; lane[8] = a8; lane[9] = a9
        lane[10] = a10; lane[11] = a11; lane[12] = a12; lane[13] = a13; lane[14] = a14
        lane[15] = a15; lane[16] = a16; lane[17] = a17; lane[18] = a18; lane[19] = a19
        lane[20] = a20; lane[21] = a21; lane[22] = a22; lane[23] = a23; lane[24] = a24
    }
}
