import FoundationEssentials
import RelaisCore

extension CollectorDatabase {
    /// Keeps `status` as its box's latest unless a status as recent or newer is there; true when kept.
    public func storeDutyStatus(_ status: CollectorDutyStatus) async throws -> Bool {
        try await write("storeDutyStatus") { db in
            let upsert = try db.cachedStatement("""
                INSERT INTO collector_duty_status (box_id, at, on_duty, role, received_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (box_id) DO UPDATE SET at = excluded.at, on_duty = excluded.on_duty, role = excluded.role,
                    received_at = excluded.received_at
                WHERE excluded.at > collector_duty_status.at
                """)
            try upsert.bind(status.boxID.rawValue, at: 1)
            try upsert.bind(status.at.storeMilliseconds, at: 2)
            try upsert.bind(status.onDuty ? 1 : 0, at: 3)
            try upsert.bind(status.role, at: 4)
            try upsert.bind(status.receivedAt.storeMilliseconds, at: 5)
            try upsert.execute()
            return db.changedRowCount == 1
        }
    }

    /// The latest status of each box that sent one, by box id.
    public func dutyStatuses() async throws -> [CollectorDutyStatus] {
        try await read("dutyStatuses") { db in
            try db.cachedStatement("SELECT box_id, at, on_duty, role, received_at FROM collector_duty_status ORDER BY box_id")
                .fetchAll { row in
                    guard let box = row.string(at: 0).flatMap(BoxID.init), let at = row.int64(at: 1),
                          let onDuty = row.int(at: 2), let received = row.int64(at: 4)
                    else { throw StoreError.invalidRow("collector_duty_status") }
                    return CollectorDutyStatus(boxID: box, at: Date(storeMilliseconds: at), onDuty: onDuty == 1,
                                               role: row.string(at: 3), receivedAt: Date(storeMilliseconds: received))
                }
        }
    }
}
