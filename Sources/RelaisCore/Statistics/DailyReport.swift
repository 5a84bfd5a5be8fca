/// One site's figures for one local day, as sent to the département: breakdowns by hour of the day (the
/// day of the week is the date's), small cells suppressed, optionally noised. No identifier of any kind.
public struct DailyReport: Sendable, Equatable {
    /// The wire schema's name and version; a change of meaning is a new version.
    public static let schema = "relais.daily-report"
    public static let schemaVersion = 1

    public let boxID: BoxID
    /// The local day, in `timeZone`.
    public let date: LocalDate
    public let timeZone: String
    /// 24, or 23 / 25 on the days clocks change (wall hours 0…23 are the columns; a repeated hour is one column).
    public let hoursInDay: Int
    public let threshold: SuppressionThreshold
    /// ε spent per breakdown, or nil without noise.
    public let epsilon: Double?
    /// ε spent by the whole report: a visitor may count in every noised breakdown, so the budgets add up.
    public let epsilonTotal: Double?
    public let tables: [PublishedTable]

    public init(boxID: BoxID, date: LocalDate, timeZone: String, hoursInDay: Int, threshold: SuppressionThreshold,
                epsilon: Double?, epsilonTotal: Double? = nil, tables: [PublishedTable]) {
        self.boxID = boxID
        self.date = date
        self.timeZone = timeZone
        self.hoursInDay = hoursInDay
        self.threshold = threshold
        self.epsilon = epsilon
        self.epsilonTotal = epsilon == nil ? nil : (epsilonTotal ?? epsilon)
        self.tables = tables
    }

    public var weekday: Weekday { date.weekday }

    /// The same box, day and schema always give the same id: the collector stores a report once by it.
    public var reportID: String { Self.reportID(box: boxID, date: date) }

    public static func reportID(box: BoxID, date: LocalDate) -> String {
        "daily-report.v\(schemaVersion).\(box).\(date)"
    }

    /// The table named `name`.
    public func table(_ name: String) -> PublishedTable? { tables.first { $0.name == name } }

    /// The canonical JSON the box signs and sends.
    public var json: CanonicalJSON {
        .object([
            "schema": .string(Self.schema),
            "schema_version": .int(Self.schemaVersion),
            "report_id": .string(reportID),
            "box_id": .string(boxID.rawValue),
            "period": .object([
                "date": .string(date.description), "time_zone": .string(timeZone),
                "hours": .int(hoursInDay), "weekday": .int(weekday.rawValue),
            ]),
            "suppression": .object(["k": .int(threshold.k), "secondary": .bool(true)]),
            // ε as text: a decimal written by Swift's shortest round-trip form, so no float in the bytes.
            "noise": epsilon.map {
                .object(["mechanism": .string("laplace"), "epsilon": .string("\($0)"), "epsilon_total": .string("\(epsilonTotal ?? $0)")])
            } ?? .null,
            "tables": .array(tables.map(\.json)),
        ])
    }

    public var canonicalBytes: [UInt8] { json.bytes }
}

extension PublishedTable {
    /// A table on the wire: suppressed values are null, they carry no value.
    public var json: CanonicalJSON {
        .object([
            "name": .string(name),
            "rows": .array(rows.map(CanonicalJSON.string)),
            "columns": .array(columns.map(CanonicalJSON.int)),
            "cells": .array(cells.map { .array($0.map(CanonicalJSON.count)) }),
            "row_totals": .array(rowTotals.map(CanonicalJSON.count)),
            "column_totals": .array(columnTotals.map(CanonicalJSON.count)),
            "total": .count(total),
        ])
    }
}
