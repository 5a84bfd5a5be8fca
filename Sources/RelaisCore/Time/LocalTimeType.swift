/// One kind of local time a zone uses (RFC 8536 calls it a "local time type"): CET, CEST, …
public struct LocalTimeType: Sendable, Hashable, CustomStringConvertible {
    /// Seconds to add to UTC to get the wall reading (east positive: +3600 for CET).
    public let utcOffset: Int
    /// Whether this is daylight-saving (summer) time.
    public let isDST: Bool
    /// The abbreviation clocks and `date` show ("CET", "CEST", "+0545").
    public let abbreviation: String

    public init(utcOffset: Int, isDST: Bool, abbreviation: String) {
        self.utcOffset = utcOffset
        self.isDST = isDST
        self.abbreviation = abbreviation
    }

    public static let utc = LocalTimeType(utcOffset: 0, isDST: false, abbreviation: "UTC")

    /// `CEST (+02:00, DST)`.
    public var description: String {
        let magnitude = abs(utcOffset)
        var offset = (utcOffset < 0 ? "-" : "+") + LocalDate.padded(magnitude / 3600, 2) + ":" + LocalDate.padded(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { offset += ":" + LocalDate.padded(magnitude % 60, 2) }
        return "\(abbreviation) (\(offset)\(isDST ? ", DST" : ""))"
    }
}
