import struct FoundationEssentials.Date

/// "Someone can help here right now": yes or no and the role on duty, never a name. Sent every few
/// minutes so that neighbouring boxes can point visitors to the nearest place with help.
public struct DutyStatus: Sendable, Equatable {
    public static let schema = "relais.duty-status"
    public static let schemaVersion = 1

    public let boxID: BoxID
    /// The instant, to the second (the slot the status is for).
    public let at: Date
    public let onDuty: Bool
    /// A role label from the configuration (`conseiller-numerique`), nil when nobody is on duty.
    public let role: String?

    /// Nil when `role` is not a label (1 to 64 of `a-z 0-9 -`): free text could carry a name.
    public init?(boxID: BoxID, at: Date, onDuty: Bool, role: String?) {
        if let role, BoxID(role) == nil { return nil }
        self.boxID = boxID
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.onDuty = onDuty
        self.role = onDuty ? role : nil
    }

    public var seconds: Int { Int(at.timeIntervalSince1970) }

    public var reportID: String { "duty-status.v\(Self.schemaVersion).\(boxID).\(seconds)" }

    public var json: CanonicalJSON {
        .object([
            "schema": .string(Self.schema), "schema_version": .int(Self.schemaVersion), "report_id": .string(reportID),
            "box_id": .string(boxID.rawValue), "at": .int(seconds), "on_duty": .bool(onDuty),
            "role": role.map(CanonicalJSON.string) ?? .null,
        ])
    }

    public var canonicalBytes: [UInt8] { json.bytes }
}

/// Who is on duty now, as the roster says: the role, or nil for nobody. The help offer provides it.
public typealias OnDutyNow = @Sendable (Date) async -> String?
