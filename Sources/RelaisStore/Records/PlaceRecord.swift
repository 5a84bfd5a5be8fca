import RelaisCore

/// A row of the `place` table: one place of digital help.
struct PlaceRecord {
    var place: Place

    /// The columns, in the table's order, for `SELECT` and `INSERT`.
    static let columns = """
        id, pivot, name, commune, postal_code, address, updated_on, latitude, longitude, opening_hours, services, \
        types, audiences, phone, emails, websites, summary, appointment_url, access_modes
        """

    /// Inserts into `table` (the staging table of a replacement) with a statement kept for the batch.
    func insert(_ db: SQLiteConnection, into table: String) throws {
        let statement = try db.cachedStatement(
            "INSERT INTO \(table) (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        try statement.bind(place.id, at: 1)
        try statement.bind(place.pivot, at: 2)
        try statement.bind(place.name, at: 3)
        try statement.bind(place.commune, at: 4)
        try statement.bind(place.postalCode, at: 5)
        try statement.bind(place.address, at: 6)
        try statement.bind(place.updatedOn.description, at: 7)
        try statement.bind(place.location?.latitude, at: 8)
        try statement.bind(place.location?.longitude, at: 9)
        try statement.bind(place.openingHours?.text, at: 10)
        try statement.bind(Self.joined(place.services), at: 11)
        try statement.bind(Self.joined(place.types), at: 12)
        try statement.bind(Self.joined(place.audiences), at: 13)
        try statement.bind(place.phone, at: 14)
        try statement.bind(Self.joined(place.emails), at: 15)
        try statement.bind(Self.joined(place.websites), at: 16)
        try statement.bind(place.summary, at: 17)
        try statement.bind(place.appointmentURL, at: 18)
        try statement.bind(Self.joined(place.accessModes), at: 19)
        try statement.execute()
    }

    /// Decodes the current row of a statement that selected ``columns``.
    init(row: SQLiteStatement) throws {
        func text(_ column: Int32, _ name: String) throws -> String {
            guard let value = row.string(at: column) else { throw StoreError.invalidRow("place.\(name)") }
            return value
        }
        guard let updatedOn = LocalDate(iso: try text(6, "updated_on")) else { throw StoreError.invalidRow("place.updated_on") }
        var location: GeoPoint?
        if let latitude = row.double(at: 7), let longitude = row.double(at: 8) {
            guard let point = GeoPoint(latitude: latitude, longitude: longitude) else { throw StoreError.invalidRow("place.latitude") }
            location = point
        }
        // Checked at import; a text this version cannot read (written by a newer one) shows no hours.
        let hours = row.string(at: 9).flatMap { try? OpeningHours(parsing: $0) }
        place = Place(
            id: try text(0, "id"), pivot: try text(1, "pivot"), name: try text(2, "name"), commune: try text(3, "commune"),
            postalCode: try text(4, "postal_code"), address: try text(5, "address"), updatedOn: updatedOn,
            location: location, openingHours: hours, services: Self.split(row.string(at: 10)),
            types: Self.split(row.string(at: 11)), audiences: Self.split(row.string(at: 12)), phone: row.string(at: 13),
            emails: Self.split(row.string(at: 14)), websites: Self.split(row.string(at: 15)), summary: row.string(at: 16),
            appointmentURL: row.string(at: 17), accessModes: Self.split(row.string(at: 18)))
    }

    init(_ place: Place) { self.place = place }

    static func joined(_ values: [String]) -> String { values.joined(separator: "|") }

    static func split(_ text: String?) -> [String] {
        (text ?? "").split(separator: "|").map(String.init)
    }
}
