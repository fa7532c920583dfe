import Primitives

/// Bytes from a hex literal in a test vector (`0x` prefix optional); a malformed literal is a
/// broken vector, so it stops the test run rather than failing one expectation.
package func hex(_ string: String) -> [UInt8] {
    do { return try Hex.decode(string) } catch { fatalError("malformed hex literal in a test vector: \(string)") }
}
