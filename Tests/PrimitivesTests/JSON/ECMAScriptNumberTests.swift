import Crypto
import Foundation
import Primitives
import Testing
import TestVectors

@Suite("ECMAScript number formatting")
struct ECMAScriptNumberTests {
    static let vectorFile = "jcs-rfc8785/es6-numbers-first10000.txt"

    /// The `hex-ieee,expected` lines of the vector file.
    static func vectorLines() throws -> [(bits: UInt64, expected: String)] {
        try Vectors.text(vectorFile).split(separator: "\n").map { line in
            let fields = line.split(separator: ",")
            try #require(fields.count == 2)
            return (try #require(UInt64(fields[0], radix: 16)), String(fields[1]))
        }
    }

    @Test("the vector file is authentic: its SHA-256 is the published checksum for 10000 lines")
    func vectorFileChecksum() throws {
        let bytes = [UInt8](try Vectors.data(Self.vectorFile))
        #expect(bytes.count == 399_022)
        #expect(Array(SHA256.hash(data: bytes)).map { String(format: "%02x", $0) }.joined() == "b9f7a8e75ef22a835685a52ccba7f7d6bdc99e34b010992cbc5864cd12be6892")
    }

    @Test("formats all 10000 vector doubles exactly as ECMAScript does, also inside JCS")
    func allVectorLines() throws {
        let lines = try Self.vectorLines()
        #expect(lines.count == 10_000)
        var mismatches: [String] = []
        for (bits, expected) in lines {
            let value = Double(bitPattern: bits)
            let formatted = ECMAScriptNumber.string(value)
            if formatted != expected || JCS.canonicalize(.number(value)) != Array(expected.utf8) {
                mismatches.append("\(String(bits, radix: 16)): \(formatted) != \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("parses every vector's expected text back to the same double")
    func vectorRoundTrip() throws {
        var mismatches: [String] = []
        for (bits, expected) in try Self.vectorLines() {
            let parsed = try JSONValue(parsing: expected).doubleValue
            let original = Double(bitPattern: bits)
            // -0 is written as "0", so only its value, not its sign, survives.
            let same = original == 0 ? parsed == 0 : parsed?.bitPattern == bits
            if !same { mismatches.append(expected) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("formats the README sample lines", arguments: [
        (0x4340000000000001, "9007199254740994"), (0x4340000000000002, "9007199254740996"),
        (0x444b1ae4d6e2ef50, "1e+21"), (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"), (0x8000000000000000, "0"), (0, "0"),
    ] as [(UInt64, String)])
    func readmeSamples(bits: UInt64, expected: String) {
        #expect(ECMAScriptNumber.string(Double(bitPattern: bits)) == expected)
    }

    @Test("formats boundaries of the fixed and exponent layouts")
    func layoutBoundaries() {
        let cases: [(Double, String)] = [
            (1e20, "100000000000000000000"), (1e21, "1e+21"), (1.2345678901234568e20, "123456789012345680000"),
            (0.000001, "0.000001"), (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (-1.5, "-1.5"),
            (0x1p53, "9007199254740992"), (-0x1p53 + 1, "-9007199254740991"), (0.1 + 0.2, "0.30000000000000004"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (.leastNonzeroMagnitude, "5e-324"),
            (Double.nan, "NaN"), (-Double.infinity, "-Infinity"),
        ]
        for (value, expected) in cases {
            #expect(ECMAScriptNumber.string(value) == expected)
        }
    }
}
