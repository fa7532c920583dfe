import DID
import Testing

struct DIDDateTimeTests {
    @Test("XML date-times map to Unix seconds and print in the canonical UTC form", arguments: [
        ("2021-05-10T17:00:00Z", 1_620_666_000, "2021-05-10T17:00:00Z"),
        ("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z"),
        ("1969-12-31T23:59:59Z", -1, "1969-12-31T23:59:59Z"),
        ("2000-02-29T12:00:00Z", 951_825_600, "2000-02-29T12:00:00Z"),
        ("2021-05-10T19:30:00+02:30", 1_620_666_000, "2021-05-10T17:00:00Z"),
        ("2021-05-10T12:00:00-05:00", 1_620_666_000, "2021-05-10T17:00:00Z"),
        ("2021-05-10T17:00:00.999Z", 1_620_666_000, "2021-05-10T17:00:00Z"),
        ("9999-12-31T23:59:59Z", 253_402_300_799, "9999-12-31T23:59:59Z"),
    ] as [(String, Int64, String)])
    func parses(text: String, seconds: Int64, canonical: String) throws {
        let time = try #require(DIDDateTime(parsing: text))
        #expect(time.secondsSince1970 == seconds)
        #expect(time.description == canonical)
        #expect(DIDDateTime(secondsSince1970: seconds).description == canonical)
    }

    @Test("instants outside years 0000 to 9999 still print, with the year's own digits", arguments: [
        (253_402_300_800, "10000-01-01T00:00:00Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"),
        (-62_167_219_201, "-0001-12-31T23:59:59Z"),
    ] as [(Int64, String)])
    func printsOutsideFourDigitYears(seconds: Int64, text: String) {
        #expect(DIDDateTime(secondsSince1970: seconds).description == text)
    }

    @Test("text that is not a zoned XML date-time is refused", arguments: [
        "", "2021-05-10", "2021-05-10T17:00:00", "2021-05-10 17:00:00Z", "2021-13-01T00:00:00Z",
        "2001-02-29T00:00:00Z", "2021-04-31T00:00:00Z", "2021-05-10T24:00:00Z", "2021-05-10T17:60:00Z",
        "2021-05-10T17:00:60Z", "0000-01-01T00:00:00Z", "2021-05-10T17:00:00.Z", "2021-05-10T17:00:00+2:00",
        "21-05-10T17:00:00Z", "2021-05-10T17:00:00ZZ",
    ])
    func refuses(text: String) {
        #expect(DIDDateTime(parsing: text) == nil)
    }

    @Test("instants order by time, whatever zone they were written in")
    func ordering() throws {
        let early = try #require(DIDDateTime(parsing: "2021-05-10T18:00:00+02:00"))
        let late = try #require(DIDDateTime(parsing: "2021-05-10T17:00:00Z"))
        #expect(early < late)
    }
}
