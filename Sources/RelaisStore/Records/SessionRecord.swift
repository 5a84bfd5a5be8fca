import FoundationEssentials
import RelaisCore

/// A row of the `session` table: converts between SQLite values and the domain `Session`.
struct SessionRecord: Sendable {
    var session: Session

    init(_ session: Session) {
        self.session = session
    }

    /// The columns, in the order of ``selection``: a case's raw value is its index in a selected row.
    enum Column: Int32, CaseIterable {
        case id, mac, ip, origin, startedAt, expiresAt, idleSeconds, termsVersion, endedAt, endReason

        var name: String {
            switch self {
            case .id: "id"
            case .mac: "mac"
            case .ip: "ip"
            case .origin: "origin"
            case .startedAt: "started_at"
            case .expiresAt: "expires_at"
            case .idleSeconds: "idle_seconds"
            case .termsVersion: "terms_version"
            case .endedAt: "ended_at"
            case .endReason: "end_reason"
            }
        }
    }

    /// The column list that `SELECT` and `RETURNING` clauses use, so that ``init(row:)`` reads by index.
    static let selection = Column.allCases.map(\.name).joined(separator: ", ")
}

extension SessionRecord {
    /// Decodes the current row of a statement that selected ``selection``.
    init(row: SQLiteStatement) throws {
        func required<T>(_ column: Column, _ value: T?) throws -> T {
            guard let value else { throw StoreError.invalidRow("session.\(column.name)") }
            return value
        }
        guard let mac = MACAddress(try required(.mac, row.string(at: Column.mac.rawValue))) else {
            throw StoreError.invalidRow("session.mac")
        }
        guard let origin = SessionOrigin(rawValue: try required(.origin, row.string(at: Column.origin.rawValue))) else {
            throw StoreError.invalidRow("session.origin")
        }
        var endReason: SessionEndReason?
        if let endReasonText = row.string(at: Column.endReason.rawValue) {
            guard let reason = SessionEndReason(rawValue: endReasonText) else {
                throw StoreError.invalidRow("session.end_reason")
            }
            endReason = reason
        }
        var ipAddress: IPAddress?
        if let ipText = row.string(at: Column.ip.rawValue) {
            guard let parsed = IPAddress(ipText) else { throw StoreError.invalidRow("session.ip") }
            ipAddress = parsed
        }
        session = Session(
            id: try required(.id, row.int64(at: Column.id.rawValue)),
            mac: mac,
            ipAddress: ipAddress,
            origin: origin,
            startedAt: Date(storeMilliseconds: try required(.startedAt, row.int64(at: Column.startedAt.rawValue))),
            expiresAt: Date(storeMilliseconds: try required(.expiresAt, row.int64(at: Column.expiresAt.rawValue))),
            idleSeconds: try required(.idleSeconds, row.int(at: Column.idleSeconds.rawValue)),
            termsVersion: row.string(at: Column.termsVersion.rawValue),
            endedAt: row.int64(at: Column.endedAt.rawValue).map(Date.init(storeMilliseconds:)),
            endReason: endReason)
    }

    /// Runs `statement` (which selects or returns ``selection``) and decodes every row as a session.
    static func fetchAll(_ statement: SQLiteStatement) throws -> [Session] {
        try statement.fetchAll { try SessionRecord(row: $0).session }
    }
}

extension SessionRecord {
    /// Inserts the session as a new row (ignoring any id it has) and sets the id SQLite assigned.
    ///
    /// One cached prepared statement: in batches of thousands, each row only binds and steps.
    mutating func insert(_ db: SQLiteConnection) throws {
        let statement = try db.cachedStatement("""
            INSERT INTO session (mac, ip, origin, started_at, expires_at, idle_seconds, terms_version, ended_at, end_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.bind(session.mac.description, at: 1)
        try statement.bind(session.ipAddress?.normalized.description, at: 2)
        try statement.bind(session.origin.rawValue, at: 3)
        try statement.bind(session.startedAt.storeMilliseconds, at: 4)
        try statement.bind(session.expiresAt.storeMilliseconds, at: 5)
        try statement.bind(session.idleSeconds, at: 6)
        try statement.bind(session.termsVersion, at: 7)
        try statement.bind(session.endedAt?.storeMilliseconds, at: 8)
        try statement.bind(session.endReason?.rawValue, at: 9)
        try statement.execute()
        session.id = db.lastInsertedRowID
    }
}
