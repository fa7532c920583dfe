public import Primitives

extension SDJWT {
    /// The most Disclosures one SD-JWT may carry.
    ///
    /// A credential discloses claims one by one, so even a transcript with a few hundred
    /// selectively disclosable entries stays well below; each Disclosure costs a base64url
    /// decode, a JSON parse and a SHA-256, so the cap bounds that work (about a millisecond
    /// here) whatever the body size.
    public static let maxDisclosures = 1_024

    /// The deepest nesting of the processed payload, Disclosure values embedded where their
    /// digests stand: the nesting limit of every JSON document the node parses, so that the
    /// disclosed credential can be handled by the same code as any other.
    public static let maxDepth = JSONParsingLimits.default.maxDepth

    /// The issuer-signed JWT of an SD-JWT, read without touching the Disclosures, after
    /// counting them against ``maxDisclosures``: what a verifier needs to check the issuer's
    /// signature before doing work proportional to the Disclosures.
    /// - Parameter text: the compact serialization.
    /// - Returns: the issuer's compact JWS.
    /// - Throws: `CredentialsError.invalidSDJWT` for a missing `~` or too many Disclosures;
    ///   `CredentialsError.invalidJWS` for an unreadable issuer JWT.
    public static func issuerSignedJWS(of text: String) throws -> CompactJWS {
        let (first, tildes) = Self.tildes(in: text)
        guard let first else {
            throw CredentialsError.invalidSDJWT("An SD-JWT is the issuer JWT followed by '~'; no '~' was found.")
        }
        try checkCount(tildes - 1)
        return try CompactJWS(parsing: String(text[..<first]))
    }

    /// Refuses a Disclosure count above ``maxDisclosures``.
    static func checkCount(_ count: Int) throws {
        guard count <= maxDisclosures else {
            throw CredentialsError.invalidSDJWT("The SD-JWT carries \(count) Disclosures, more than the limit of \(maxDisclosures).")
        }
    }

    /// The first `~` and the number of `~`, from one scan of the UTF-8.
    private static func tildes(in text: String) -> (first: String.Index?, count: Int) {
        var first: String.Index?, count = 0
        var index = text.utf8.startIndex
        while let found = text.utf8[index...].firstIndex(of: UInt8(ascii: "~")) {
            if first == nil { first = found }
            count += 1
            index = text.utf8.index(after: found)
        }
        return (first, count)
    }
}
