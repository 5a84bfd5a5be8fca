/// Migration `v8-help-request`: visitors' « Je veux de l'aide ». History: never edit once shipped.
///
/// Category: a visitor's request (optional topic from a fixed list, where they sit in free short text,
/// times, the state) — no device identifier, no name; the token is a random capability held by the
/// visitor's page, stored as its SHA-256. Purpose: bring an agent to the visitor; basis: art. 6(1)(e)
/// (the public service of digital help), stated in the notice; retention: until the end of the local
/// day it was made (`purgeHelpRequests(createdBefore:)`, the purge job's help-request step, hourly).
enum HelpRequestTableV1 {
    static let sql = """
        CREATE TABLE help_request (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            token_hash BLOB NOT NULL CHECK (length(token_hash) = 32),
            topic TEXT CHECK (topic IN ('ameli', 'caf', 'france-travail', 'impots', 'email', 'other')),
            seat TEXT CHECK (seat IS NULL OR length(seat) BETWEEN 1 AND 60),
            state TEXT NOT NULL CHECK (state IN ('received', 'taken', 'closed')),
            created_at INTEGER NOT NULL,
            taken_by INTEGER REFERENCES agent (id) ON DELETE SET NULL,
            taken_at INTEGER,
            closed_at INTEGER,
            CHECK (state = 'received' OR taken_at IS NOT NULL OR closed_at IS NOT NULL),
            CHECK ((state = 'closed') = (closed_at IS NOT NULL))
        ) STRICT;
        CREATE INDEX help_request_created_at ON help_request (created_at);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
