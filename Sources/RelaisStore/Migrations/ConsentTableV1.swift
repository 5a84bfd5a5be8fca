/// Migration `v5-consent`: optional consents and the devices they remember. History: never edit once shipped.
///
/// - `consent`: data category "consent record" (GDPR art. 7(1): the controller must be able to show the
///   consent): when, which purposes, which notice (version and SHA-256 of the text shown), when withdrawn.
///   No device identifier of any kind. Legal basis: art. 6(1)(c) (proof of consent). Retention: until the
///   consent's own expiry (its longest purpose), withdrawn or not; then `purgeExpiredConsents` deletes it.
/// - `remembered_device`: purpose « Se souvenir de cet appareil ». Category: pseudonymous device identifier,
///   the HMAC-SHA256 of the MAC under a secret key kept outside the database (never the MAC). Legal basis:
///   consent, art. 6(1)(a). Retention: `consent.remember_days` (default 30); deleted at once on withdrawal,
///   with its consent's purge (cascade), or by `purgeExpiredConsents` once expired.
enum ConsentTableV1 {
    // Dates: milliseconds since 1970 (UTC). `purposes`: identifiers separated by one space.
    static let sql = """
        CREATE TABLE consent (
            id INTEGER PRIMARY KEY,
            granted_at INTEGER NOT NULL,
            purposes TEXT NOT NULL CHECK (purposes GLOB '[a-z0-9]*' AND purposes NOT GLOB '*[^a-z0-9 -]*'),
            notice_version TEXT NOT NULL CHECK (length(notice_version) BETWEEN 1 AND 128),
            notice_sha256 TEXT NOT NULL CHECK (length(notice_sha256) = 64 AND notice_sha256 NOT GLOB '*[^0-9a-f]*'),
            expires_at INTEGER NOT NULL CHECK (expires_at >= granted_at),
            withdrawn_at INTEGER CHECK (withdrawn_at IS NULL OR withdrawn_at >= granted_at)
        ) STRICT;
        CREATE INDEX consent_expiry ON consent (expires_at);
        CREATE TABLE remembered_device (
            device_hash BLOB NOT NULL PRIMARY KEY CHECK (length(device_hash) = 32),
            consent_id INTEGER NOT NULL REFERENCES consent (id) ON DELETE CASCADE,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        CREATE INDEX remembered_device_expiry ON remembered_device (expires_at);
        CREATE INDEX remembered_device_consent ON remembered_device (consent_id);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
