import RelaisCore
import RelaisStore

/// The export's text forms, for publication (data.gouv.fr). One line per published value; a value the box
/// suppressed stays empty (CSV) or null (JSON), never estimated.
///
/// Columns: `date` (local day, ISO 8601), `weekday` (1 Monday … 7 Sunday), `box_id`, `site`, `commune`,
/// `insee_code` (the commune's INSEE code), `epci`, `table` (the breakdown, e.g. `sessions.started`), `row`
/// (its category, `*` for all of them), `hour` (wall hour 0–23, empty for the whole day), `value` (a count,
/// empty when suppressed).
public enum CollectorExportFormat: String, Sendable, CaseIterable {
    case csv
    case json

    public static let columns = ["date", "weekday", "box_id", "site", "commune", "insee_code", "epci", "table", "row", "hour", "value"]

    /// What comes before the first row.
    public var header: String {
        switch self {
        case .csv: Self.columns.joined(separator: ",") + "\r\n"
        case .json: "["
        }
    }

    /// What comes after the last row.
    public var footer: String {
        switch self {
        case .csv: ""
        case .json: "\n]\n"
        }
    }

    /// One row; `first` tells JSON whether a comma goes before it.
    public func line(_ row: CollectorExportRow, first: Bool) -> String {
        switch self {
        case .csv:
            let fields = [row.date.description, String(row.weekday), row.boxID, row.siteName, row.commune, row.inseeCode, row.epci,
                          row.table, row.row, row.hour.map(String.init) ?? "", row.value.map(String.init) ?? ""]
            return fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        case .json:
            let object = CanonicalJSON.object([
                "date": .string(row.date.description), "weekday": .int(row.weekday), "box_id": .string(row.boxID),
                "site": .string(row.siteName), "commune": .string(row.commune), "insee_code": .string(row.inseeCode),
                "epci": .string(row.epci), "table": .string(row.table), "row": .string(row.row),
                "hour": row.hour.map(CanonicalJSON.int) ?? .null, "value": .count(row.value),
            ])
            return (first ? "\n" : ",\n") + String(decoding: object.bytes, as: UTF8.self)
        }
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
