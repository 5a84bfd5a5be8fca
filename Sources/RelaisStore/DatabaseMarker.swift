import FoundationEssentials

/// The file beside the database that names the database's creation id.
///
/// It outlives the database file: found without the database, it says that the database was deleted
/// or moved, not installed for the first time. Deleting the whole directory removes it too, and then
/// nothing can tell a loss from a first install.
struct DatabaseMarker: Sendable {
    let path: String

    init(databasePath: String) {
        path = databasePath + ".creation-id"
    }

    private static let key = "relais-database-creation-id="

    /// Nil when there is no marker; `.some(nil)` when a marker is there but names no readable id.
    func read() -> Int32?? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let line = String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .first { $0.hasPrefix(Self.key) }
        return .some(line.flatMap { Int32($0.dropFirst(Self.key.count)) })
    }

    /// Writes the marker for `creationID`, atomically (a new file renamed over the old one).
    func write(creationID: Int32) throws(StoreError) {
        let text = """
            # Written by relais when it created the database beside this file. Keep the two together: if
            # the database disappears while this file remains, relais reports at start that it was lost.
            \(Self.key)\(creationID)

            """
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StoreError(.cannotOpen, "Impossible d'écrire le fichier témoin de la base de données : \(path)")
        }
    }
}
