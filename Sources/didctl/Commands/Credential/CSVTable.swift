import Node
import Foundation

/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) as a header and rows,
/// each row remembering its line number so a bad row can be reported precisely.
struct CSVTable {
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    /// Parses `text`; the first record is the header.
    /// - Throws: `DidctlFailure` for an unterminated quote or an empty file.
    init(parsing text: String) throws {
        var records: [(line: Int, fields: [String])] = []
        var field = "", fields: [String] = [], quoted = false, line = 1, recordLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return iterator.next() }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            field = ""; fields = []
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": fields.append(field); field = ""
            case "\r": continue
            case "\n": endRecord(); line += 1; recordLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        guard !quoted else { throw DidctlFailure("The CSV has an unterminated quoted field starting on line \(recordLine).") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw DidctlFailure("The CSV is empty; the first line names the subject's claims.") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
    }
}

