/// Ways a harness splits one fuzz input into the parts of a call.
enum FuzzInput {
    /// The first byte (a selector) and the rest; `nil` for an empty input.
    static func selector(_ input: [UInt8]) -> (UInt8, [UInt8])? {
        guard let first = input.first else { return nil }
        return (first, Array(input.dropFirst()))
    }

    /// The bytes before the first NUL and those after it (empty when there is none).
    static func split(_ input: [UInt8]) -> ([UInt8], [UInt8]) {
        guard let nul = input.firstIndex(of: 0) else { return (input, []) }
        return (Array(input[..<nul]), Array(input[(nul + 1)...]))
    }

    /// The input as text, with invalid UTF-8 repaired as a network boundary decodes it.
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
