/// Migration `v8-workshop`: the workshops (ateliers) announced to visitors. History: never edit once shipped.
///
/// Category: public announcements (title, local date and time, place, seats), no personal data;
/// purpose: tell visitors what help is offered; basis: art. 6(1)(e) (nothing personal is processed);
/// retention: until an agent deletes it.
enum WorkshopTableV1 {
    // `starts_local`: the wall time `YYYY-MM-DDTHH:MM:SS`, which sorts as text in time order.
    static let sql = """
        CREATE TABLE workshop (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
            starts_local TEXT NOT NULL CHECK (
                starts_local GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
            place TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 120),
            seats INTEGER CHECK (seats IS NULL OR seats BETWEEN 1 AND 1000)
        ) STRICT;
        CREATE INDEX workshop_starts_local ON workshop (starts_local);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
