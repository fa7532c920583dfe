/// A pragmatic RFC 5321 `Mailbox` check: a dot-atom or quoted local part, then a hostname or an
/// address literal. Comments and obsolete syntax are refused, as mail software rarely accepts them.
enum EmailAddress {
    private static let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    static func isValid(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let at = scalars.lastIndex(of: "@"), at > 0, scalars.count <= 254 else { return false }
        let local = scalars[..<at]
        let domain = scalars[(at + 1)...]
        return (isDotAtom(local) || isQuoted(local)) && local.count <= 64 && isDomain(domain)
    }

    private static func isDotAtom(_ local: ArraySlice<Unicode.Scalar>) -> Bool {
        let atoms = local.split(separator: "." as Unicode.Scalar, omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { ASCII.isAlphanumeric($0) || atext.contains($0) }
        }
    }

    private static func isQuoted(_ local: ArraySlice<Unicode.Scalar>) -> Bool {
        guard local.count >= 2, local.first == "\"", local.last == "\"" else { return false }
        var escaped = false
        for scalar in local.dropFirst().dropLast() {
            guard (0x20...0x7E).contains(scalar.value) else { return false }
            if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { return false }
        }
        return !escaped
    }

    private static func isDomain(_ domain: ArraySlice<Unicode.Scalar>) -> Bool {
        if domain.first == "[" {
            guard domain.last == "]" else { return false }
            let parts = domain.dropFirst().dropLast().split(separator: "." as Unicode.Scalar, omittingEmptySubsequences: false)
            return parts.count == 4 && parts.allSatisfy { part in
                (1...3).contains(part.count) && part.allSatisfy(ASCII.isDigit)
                    && Int(String(String.UnicodeScalarView(part)))! <= 255
            }
        }
        let labels = domain.split(separator: "." as Unicode.Scalar, omittingEmptySubsequences: false)
        return domain.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { ASCII.isAlphanumeric($0) || $0 == "-" }
        }
    }
}
