/// RFC 3986 §4.3 `absolute-URI` (plus an optional fragment, as JSON Schema's `uri` allows):
/// a scheme, a colon, then only characters that RFC 3986 permits, with well-formed
/// percent-escapes. Component structure beyond that is not checked.
enum AbsoluteURI {
    private static let allowed = Set(
        "-._~:/?#[]@!$&'()*+,;=".unicodeScalars)

    static func isValid(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, ASCII.isAlpha(scalars[0]),
              scalars[1..<colon].allSatisfy({ ASCII.isAlphanumeric($0) || "+-.".unicodeScalars.contains($0) })
        else { return false }
        var index = colon + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, ASCII.isHexDigit(scalars[index + 1]), ASCII.isHexDigit(scalars[index + 2])
                else { return false }
                index += 3
                continue
            }
            guard ASCII.isAlphanumeric(scalar) || allowed.contains(scalar) else { return false }
            index += 1
        }
        return scalars.filter { $0 == "#" }.count <= 1
    }
}
