/// Short French durations for operators: `2 j 3 h 05`, `3 h 05`, `12 min`, `45 s`.
enum DurationText {
    static func format(seconds: Int) -> String {
        let seconds = max(0, seconds)
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3600
        let minutes = seconds % 3600 / 60
        if days > 0 { return "\(days) j \(hours) h \(twoDigits(minutes))" }
        if hours > 0 { return "\(hours) h \(twoDigits(minutes))" }
        if minutes > 0 { return "\(minutes) min" }
        return "\(seconds) s"
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
