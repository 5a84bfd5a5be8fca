import FoundationEssentials
import RelaisCore

/// A box registered at the département: where it is, and the key its reports are signed with.
public struct CollectorBox: Sendable, Equatable {
    public let id: BoxID
    public let siteName: String
    public let commune: String
    /// The commune's INSEE code (5 characters: digits, or 2A/2B for Corsica).
    public let inseeCode: String
    /// The EPCI (intercommunality) name or SIREN, as the département writes it.
    public let epci: String
    public let latitude: Double
    public let longitude: Double
    /// The raw 32-byte Ed25519 public key (`relais keys show` on the box).
    public let publicKey: [UInt8]
    public let registeredAt: Date
    public let revokedAt: Date?

    public init(id: BoxID, siteName: String, commune: String, inseeCode: String, epci: String, latitude: Double,
                longitude: Double, publicKey: [UInt8], registeredAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.siteName = siteName
        self.commune = commune
        self.inseeCode = inseeCode
        self.epci = epci
        self.latitude = latitude
        self.longitude = longitude
        self.publicKey = publicKey
        self.registeredAt = registeredAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}

/// One published value of a received report: `row` `*` is a column total, `hour` nil a row total; `value`
/// nil where the box suppressed it.
public struct CollectorCell: Sendable, Equatable {
    public let table: String
    public let row: String
    public let hour: Int?
    public let value: Int?

    public init(table: String, row: String, hour: Int?, value: Int?) {
        self.table = table
        self.row = row
        self.hour = hour
        self.value = value
    }
}

/// A verified daily report, ready to be stored once.
public struct ReceivedReport: Sendable, Equatable {
    public let reportID: String
    public let boxID: BoxID
    public let date: LocalDate
    public let schemaVersion: Int
    public let receivedAt: Date
    /// The exact signed bytes.
    public let body: [UInt8]
    public let cells: [CollectorCell]

    public init(reportID: String, boxID: BoxID, date: LocalDate, schemaVersion: Int, receivedAt: Date, body: [UInt8],
                cells: [CollectorCell]) {
        self.reportID = reportID
        self.boxID = boxID
        self.date = date
        self.schemaVersion = schemaVersion
        self.receivedAt = receivedAt
        self.body = body
        self.cells = cells
    }
}

/// The latest "on duty now" a box sent.
public struct CollectorDutyStatus: Sendable, Equatable {
    public let boxID: BoxID
    public let at: Date
    public let onDuty: Bool
    public let role: String?
    public let receivedAt: Date

    public init(boxID: BoxID, at: Date, onDuty: Bool, role: String?, receivedAt: Date) {
        self.boxID = boxID
        self.at = at
        self.onDuty = onDuty
        self.role = role
        self.receivedAt = receivedAt
    }
}
