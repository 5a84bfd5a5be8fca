import FoundationEssentials
import RelaisCore

/// The aligned text table `relais ctl clients` prints.
public enum ClientTable {
    static let headers = ["MAC", "IP", "ORIGINE", "DÉBUT", "RESTE", "INACTIVITÉ MAX"]

    /// One row per device, columns aligned; start times show the day only when it is not today.
    public static func render(_ reports: [ClientReport], now: Date, timeZone: TimeZone = .current) -> String {
        guard !reports.isEmpty else { return "Aucun appareil connecté.\n" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let rows = [headers] + reports.map { report in
            [
                report.mac.description,
                report.ipAddress ?? "-",
                originLabel(report.origin),
                startLabel(report.startedAt, now: now, calendar: calendar),
                DurationText.format(seconds: report.secondsRemaining),
                DurationText.format(seconds: report.idleSeconds),
            ]
        }
        let widths = headers.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        out += reports.count == 1 ? "1 appareil connecté.\n" : "\(reports.count) appareils connectés.\n"
        return out
    }

    static func originLabel(_ origin: SessionOrigin) -> String {
        switch origin {
        case .portal: "portail"
        case .operator: "opérateur"
        }
    }

    static func startLabel(_ date: Date, now: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.day, .month, .hour, .minute], from: date)
        let time = "\(DurationText.twoDigits(parts.hour ?? 0)):\(DurationText.twoDigits(parts.minute ?? 0))"
        if calendar.isDate(date, inSameDayAs: now) { return time }
        return "\(DurationText.twoDigits(parts.day ?? 0))/\(DurationText.twoDigits(parts.month ?? 0)) \(time)"
    }
}
