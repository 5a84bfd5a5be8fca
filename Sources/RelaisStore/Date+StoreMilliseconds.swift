import FoundationEssentials

extension Date {
    /// The instant as whole milliseconds since 1970 (UTC): how every date is stored, so that SQL compares
    /// dates as integers. Sub-millisecond precision is dropped on purpose.
    var storeMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The instant stored as `milliseconds` since 1970 (UTC).
    init(storeMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
