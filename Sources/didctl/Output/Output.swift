import Node
import Foundation
import Primitives

/// Prints a command's result as text or JSON (CONTRACT.md: every command takes `--json`),
/// and progress to stderr so that stdout stays machine-readable.
struct Output {
    let json: Bool

    /// Prints `object` as JSON when `--json` was given, `text` otherwise.
    func emit(_ object: [String: Any], text: String) {
        if json {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            print(text)
        }
    }

    /// Prints an `Encodable` result as JSON when `--json` was given, `text` otherwise.
    @_disfavoredOverload
    func emit(_ value: some Encodable, text: String) throws {
        guard json else { return print(text) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }

    /// A progress line on stderr, shown only to people (not in JSON mode).
    func progress(_ line: String) {
        guard !json else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension Output {
    /// Prints a JSON value (a verification result, a credential) when `--json` was given,
    /// `text` otherwise.
    func emit(json value: JSONValue, text: String) {
        if json { print(value.prettyPrinted()) } else { print(text) }
    }
}
