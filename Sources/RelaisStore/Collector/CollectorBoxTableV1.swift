/// Migration `collector-v1-box`: the boxes registered at the département. History: never edit once shipped.
///
/// - Category: anonymous (a public place: site, commune, INSEE code, EPCI, coordinates, and the box's public
///   key). No personal data; no staff name.
/// - Purpose: know which box may push and check its signatures (issue 11).
/// - Legal basis: GDPR art. 6(1)(e), public task; the content itself is not personal data.
/// - Retention: as long as the box is registered; a revoked box stays (its reports keep their place).
enum CollectorBoxTableV1 {
    static let sql = """
        CREATE TABLE collector_box (
            id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),
            site_name TEXT NOT NULL CHECK (length(site_name) BETWEEN 1 AND 200),
            commune TEXT NOT NULL CHECK (length(commune) BETWEEN 1 AND 200),
            insee_code TEXT NOT NULL CHECK (length(insee_code) = 5 AND insee_code NOT GLOB '*[^0-9AB]*'),
            epci TEXT NOT NULL CHECK (length(epci) BETWEEN 1 AND 200),
            latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
            longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            registered_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT;
        CREATE INDEX collector_box_epci ON collector_box (epci);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
