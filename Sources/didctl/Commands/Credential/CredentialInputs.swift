import Node
import Foundation
import Primitives

/// Reads verifier inputs from a file or stdin: one JSON credential, one JWT / SD-JWT, or the
/// JSON Lines that batch issuance writes (`{"line", "id", "credential"}` per line).
enum CredentialInputs {
    /// The inputs in `path` ('-' = stdin), each with a label for reports.
    static func read(_ path: String) throws -> [(label: String, input: JSONValue)] {
        let data: Data
        if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw DidctlFailure("Cannot read \(path): no such file or not readable.")
            }
            data = contents
        }
        let label = path == "-" ? "stdin" : path
        guard let text = String(data: data, encoding: .utf8) else {
            throw DidctlFailure("\(label) is not UTF-8 text; a credential is JSON or a compact JWT.")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DidctlFailure("\(label) is empty.") }
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") else { return [(label, .string(trimmed))] }
        if let value = try? JSONValue(parsing: trimmed) {
            if case .array(let items) = value { return items.enumerated().map { ("\(label)[\($0.offset)]", $0.element) } }
            return [(label, value)]
        }
        // JSON Lines from `credential issue --csv`; a line that does not parse is still
        // handed on, so its format check names the problem.
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count > 1 else {
            do { _ = try JSONValue(parsing: trimmed) } catch { throw DidctlFailure("\(label) is not valid JSON: \(error)") }
            return []
        }
        return lines.enumerated().map { index, line in
            let record = try? JSONValue(parsing: String(line))
            let credential = record?["credential"] ?? .string(String(line))
            return ("\(label):\(index + 1)", credential)
        }
    }
}
