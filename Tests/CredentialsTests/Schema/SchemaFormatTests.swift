import Credentials
import Primitives
import Testing

struct SchemaFormatTests {
    private func accepts(_ format: String, _ value: String) throws -> Bool {
        try CredentialSchema(["format": .string(format)]).accepts(.string(value))
    }

    @Test("date-time follows RFC 3339, including offsets and leap seconds only at 23:59 UTC", arguments: [
        ("1963-06-19T08:30:06.283185Z", true), ("1963-06-19t08:30:06z", true), ("1998-12-31T23:59:60Z", true),
        ("1998-12-31T15:59:60.123-08:00", true), ("1998-12-31T23:58:60Z", false), ("1990-02-31T15:59:59.123-08:00", false),
        ("1990-12-31T15:59:59-24:00", false), ("1963-06-19T08:30:06.Z", false), ("1963-06-19T08:30:06", false),
        ("2013-350T01:01:01", false), ("1963-06-19T24:00:00Z", false), ("1963-06-19T08:30:06+0800", false),
    ])
    func dateTime(value: String, valid: Bool) throws {
        #expect(try accepts("date-time", value) == valid)
    }

    @Test("email is a pragmatic addr-spec check", arguments: [
        ("joe.bloggs@example.com", true), ("te~st@example.com", true), ("\"joe bloggs\"@example.com", true),
        ("joe.bloggs@[127.0.0.1]", true), ("2962", false), (".test@example.com", false), ("test.@example.com", false),
        ("te..st@example.com", false), ("joe@-example.com", false), ("joe@exa mple.com", false), ("@example.com", false),
        ("joe@[300.0.0.1]", false), ("joe@", false),
    ])
    func email(value: String, valid: Bool) throws {
        #expect(try accepts("email", value) == valid)
    }

    @Test("uri requires an absolute URI with a scheme and well-formed escapes", arguments: [
        ("http://foo.bar/?baz=qux#quux", true), ("urn:oasis:names:specification:docbook:dtd:xml:4.1.2", true),
        ("mailto:John.Doe@example.com", true), ("http://x.org/%41", true), ("//foo.bar/?baz=qux#quux", false),
        ("abc", false), ("http:// shouldfail.com", false), ("http://x.org/%4", false), ("1http://x.org", false),
        ("http://x.org/#a#b", false), ("http://ünicode.org", false),
    ])
    func uri(value: String, valid: Bool) throws {
        #expect(try accepts("uri", value) == valid)
    }
}
