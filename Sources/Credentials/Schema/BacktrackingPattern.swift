/// Finds the structures that make a backtracking regular-expression engine take exponential
/// time (ReDoS): a repeated group that itself holds a quantifier, such as `(a+)+`, `(a*)*`
/// or `(\w+\s?)*`, and a repeated alternation whose branches start alike, such as `(a|aa)+`.
///
/// A schema is refused at registration when one of its patterns has such a structure
/// (specs/credentials.md §5.2); the verifier's pattern budget still bounds any pattern.
/// The scan is linear and errs on the side of refusing: a group repeated by `*`, `+`, `{n,}`
/// or `{n,m}` with m > 1 must not contain any quantifier.
enum BacktrackingPattern {
    /// What makes `source` backtrack, or `nil` when its structure is safe.
    /// - Parameter source: an ICU / ECMA-262 regular expression.
    /// - Returns: a short description naming the offending group, for the refusal.
    static func flaw(in source: String) -> String? {
        let chars = Array(source.unicodeScalars)
        /// One open group: where it starts, whether it holds a quantifier, its branches' first atoms.
        struct Group { var start: Int; var quantified = false; var firsts: [String] = []; var branchStart: Int }
        var stack: [Group] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "\\":
                index += 2
                continue
            case "[":
                index = endOfClass(chars, from: index)
                continue
            case "(":
                var body = index + 1
                if body < chars.count, chars[body] == "?" {
                    // (?:…), (?=…), (?!…), (?<name>…), (?<=…): skip the group's prefix.
                    body += 1
                    if body < chars.count, chars[body] == "<", body + 1 < chars.count, chars[body + 1] != "=", chars[body + 1] != "!" {
                        while body < chars.count, chars[body] != ">" { body += 1 }
                    }
                    body += 1
                }
                stack.append(Group(start: index, branchStart: body))
                index = body
                continue
            case "|":
                if !stack.isEmpty { stack[stack.count - 1].firsts.append(firstAtom(chars, at: stack[stack.count - 1].branchStart)) }
                if !stack.isEmpty { stack[stack.count - 1].branchStart = index + 1 }
            case ")":
                guard var group = stack.popLast() else { break }
                group.firsts.append(firstAtom(chars, at: group.branchStart))
                let applied = quantifier(chars, at: index + 1)
                let after = index + 1 + applied.length
                let text = String(String.UnicodeScalarView(chars[group.start..<after]))
                if applied.repeats, group.quantified { return "the repeated group \(text) holds a quantifier (nested quantifiers)" }
                let literals = group.firsts.filter { !$0.isEmpty }
                if applied.repeats, Set(literals).count < literals.count {
                    return "the repeated alternation \(text) has branches that start alike (overlapping alternatives)"
                }
                // A quantified group makes its enclosing group quantified too.
                if !stack.isEmpty, group.quantified || applied.variable { stack[stack.count - 1].quantified = true }
                index = after
                continue
            case "*", "+", "?", "{":
                let applied = quantifier(chars, at: index)
                if applied.variable, !stack.isEmpty { stack[stack.count - 1].quantified = true }
                index += max(1, applied.length)
                continue
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The quantifier starting at `index`: its length (0 when there is none, lazy `?` and
    /// possessive `+` suffixes included), whether it may repeat more than once, and whether
    /// the count it matches varies (`{3}` repeats but does not vary, `?` varies).
    private static func quantifier(_ chars: [Unicode.Scalar], at index: Int) -> (length: Int, repeats: Bool, variable: Bool) {
        var length = quantifierLength(chars, at: index)
        guard length > 0 else { return (0, false, false) }
        let core = length
        if index + length < chars.count, chars[index + length] == "?" || chars[index + length] == "+" { length += 1 }
        switch chars[index] {
        case "*", "+": return (length, true, true)
        case "?": return (length, false, true)
        default:
            // {n}, {n,}, {n,m}
            let inner = String(String.UnicodeScalarView(chars[(index + 1)..<(index + core - 1)]))
            let bounds = inner.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            let least = bounds[0] ?? 0
            let most = bounds.count == 1 ? least : bounds[1]
            return (length, most.map { $0 > 1 } ?? true, most != least)
        }
    }

    /// The length of a quantifier at `index` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), or 0.
    private static func quantifierLength(_ chars: [Unicode.Scalar], at index: Int) -> Int {
        guard index < chars.count else { return 0 }
        switch chars[index] {
        case "*", "+", "?": return 1
        case "{":
            var end = index + 1
            while end < chars.count, chars[end].properties.numericType != nil || chars[end] == "," { end += 1 }
            return end < chars.count && chars[end] == "}" && end > index + 1 ? end - index + 1 : 0
        default: return 0
        }
    }

    /// The first atom of a branch when it is a plain literal character, else `""` (a class,
    /// an escape, a dot or a group may match what another branch starts with).
    private static func firstAtom(_ chars: [Unicode.Scalar], at index: Int) -> String {
        guard index < chars.count, !"\\[(.|)^$".unicodeScalars.contains(chars[index]) else { return "" }
        return String(chars[index])
    }

    /// The index just after the character class opening at `index`.
    private static func endOfClass(_ chars: [Unicode.Scalar], from index: Int) -> Int {
        var end = index + 1
        if end < chars.count, chars[end] == "^" { end += 1 }
        if end < chars.count, chars[end] == "]" { end += 1 }
        while end < chars.count, chars[end] != "]" {
            end += chars[end] == "\\" ? 2 : 1
        }
        return end + 1
    }
}
