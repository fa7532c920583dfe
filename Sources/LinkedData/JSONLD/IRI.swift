/// The IRI operations JSON-LD expansion needs: recognising absolute IRIs and resolving a
/// reference against a base (RFC 3986 section 5.2, with IRI characters treated as unreserved
/// and no normalisation).
enum IRI {
    /// Whether `value` has the form of an absolute IRI: a scheme (`ALPHA *( ALPHA / DIGIT / "+"
    /// / "-" / "." )`) followed by `:`.
    static func isAbsolute(_ value: String) -> Bool {
        var sawScheme = false
        for (index, byte) in value.utf8.enumerated() {
            if byte == UInt8(ascii: ":") { return sawScheme }
            let isAlpha = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            if index == 0 {
                guard isAlpha else { return false }
            } else {
                let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                guard isAlpha || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".") else { return false }
            }
            sawScheme = true
        }
        return false
    }

    /// Whether `value` is an absolute IRI that RDF accepts: a scheme and no characters N-Quads
    /// cannot write inside `<>` (spaces, controls, `<>"{}|\^` and backquote).
    static func isWellFormed(_ value: String) -> Bool {
        guard isAbsolute(value) else { return false }
        var fragments = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "#"):
                fragments += 1
                if fragments > 1 { return false }
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return false
            default: continue
            }
        }
        return true
    }

    private struct Components {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?

        init(_ value: String) {
            var rest = Substring(value)
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: question)...]
                rest = rest[..<question]
            }
            if IRI.isAbsolute(String(rest)), let colon = rest.firstIndex(of: ":") {
                scheme = rest[..<colon]
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = rest[..<end]
                rest = rest[end...]
            }
            path = rest
        }
    }

    /// `reference` resolved against `base` (RFC 3986 section 5.2.2); `reference` unchanged when
    /// `base` is `nil`.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = Components(reference)
        let b = Components(base)
        var scheme: Substring?
        var authority: Substring?
        var path: String
        var query: Substring?
        if let referenceScheme = r.scheme {
            scheme = referenceScheme
            authority = r.authority
            path = removeDotSegments(String(r.path))
            query = r.query
        } else {
            scheme = b.scheme
            if let referenceAuthority = r.authority {
                authority = referenceAuthority
                path = removeDotSegments(String(r.path))
                query = r.query
            } else {
                authority = b.authority
                if r.path.isEmpty {
                    path = String(b.path)
                    query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        path = removeDotSegments(String(r.path))
                    } else {
                        path = removeDotSegments(merge(base: b, referencePath: r.path))
                    }
                    query = r.query
                }
            }
        }
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment = r.fragment { result += "#" + fragment }
        return result
    }

    private static func merge(base: Components, referencePath: Substring) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + referencePath }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + referencePath
        }
        return String(referencePath)
    }

    /// RFC 3986 section 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let searchStart = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
