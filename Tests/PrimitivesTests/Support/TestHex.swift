/// Bytes from a hex literal in a test vector (`0x` prefix optional); crashes the test on a
/// malformed literal, which is a broken vector, not a failing behaviour.
func hex(_ string: String) -> [UInt8] {
    var text = Substring(string)
    if text.hasPrefix("0x") { text = text.dropFirst(2) }
    var out: [UInt8] = []
    var iterator = text.makeIterator()
    while let high = iterator.next() {
        guard let low = iterator.next(), let h = high.hexDigitValue, let l = low.hexDigitValue else {
            fatalError("malformed hex literal in a test vector: \(string)")
        }
        out.append(UInt8(h << 4 | l))
    }
    return out
}
