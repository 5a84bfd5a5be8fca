/// Migration `v7-place`: the directory of places of digital help. History: never edit once shipped.
///
/// Data category: open data about organisations (name, address, hours, public contact details), copied
/// from the national schema of places of digital mediation; no personal data. Purpose: show visitors
/// where to get help. Legal basis: the commune's public task (GDPR art. 6(1)(e)) and the data's open
/// licence. Retention: until the next import or directory feed replaces it as a whole.
enum PlaceTableV1 {
    // Multi-valued fields are stored with `|` between values (the schema's separator; no value holds one).
    // `opening_hours` keeps the checked OSM text; it is read again when the row is read.
    static let sql = """
        CREATE TABLE place (
            id TEXT NOT NULL PRIMARY KEY CHECK (length(id) > 0),
            pivot TEXT NOT NULL CHECK (length(pivot) > 0),
            name TEXT NOT NULL CHECK (length(name) > 0),
            commune TEXT NOT NULL CHECK (length(commune) > 0),
            postal_code TEXT NOT NULL CHECK (postal_code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
            address TEXT NOT NULL CHECK (length(address) > 0),
            updated_on TEXT NOT NULL CHECK (updated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            latitude REAL CHECK (latitude BETWEEN -90 AND 90),
            longitude REAL CHECK (longitude BETWEEN -180 AND 180),
            opening_hours TEXT,
            services TEXT NOT NULL,
            types TEXT NOT NULL,
            audiences TEXT NOT NULL,
            phone TEXT,
            emails TEXT NOT NULL,
            websites TEXT NOT NULL,
            summary TEXT,
            appointment_url TEXT,
            access_modes TEXT NOT NULL,
            CHECK ((latitude IS NULL) = (longitude IS NULL))
        ) WITHOUT ROWID, STRICT;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
