import FoundationEssentials
import RelaisCore
import RelaisStore

/// A duty status as the box's canonical JSON carries it (`DutyStatus.json`).
struct DutyStatusWire: Decodable {
    let schema: String
    let schema_version: Int
    let report_id: String
    let box_id: String
    let at: Int
    let on_duty: Bool
    let role: String?

    /// The checked status, or nil when it does not hold together (→ 400).
    static func parse(_ body: [UInt8], box: BoxID, reportID: String?, receivedAt: Date) -> CollectorDutyStatus? {
        guard let wire = try? JSONDecoder().decode(DutyStatusWire.self, from: Data(body)),
              wire.schema == DutyStatus.schema, wire.schema_version == DutyStatus.schemaVersion, wire.box_id == box.rawValue,
              let status = DutyStatus(boxID: box, at: Date(timeIntervalSince1970: Double(wire.at)), onDuty: wire.on_duty, role: wire.role),
              status.role == wire.role, wire.report_id == status.reportID, reportID == nil || reportID == wire.report_id
        else { return nil }
        return CollectorDutyStatus(boxID: box, at: status.at, onDuty: status.onDuty, role: status.role, receivedAt: receivedAt)
    }
}
