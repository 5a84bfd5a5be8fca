/// What opening the database file found: the composition root logs it, the alarms at error level.
public enum OpenOutcome: Sendable, Equatable {
    /// Neither a database nor its marker: a first start, with a new empty database.
    case created
    /// The database of the previous runs (or a database opened read-only, which checks nothing).
    case opened
    /// The marker was there but the database was not: it was deleted or moved, and a new empty one was
    /// started. The sessions that were live are lost, so their devices lose access.
    case recreatedAfterLoss(lostCreationID: Int32?)
    /// The file holds another database than the one the marker names: restored from a backup, or
    /// copied from another box. Its sessions may not match the devices connected now.
    case replaced(expectedCreationID: Int32, foundCreationID: Int32)

    /// True when the operator must be told loudly (log at error level).
    public var isAlarm: Bool {
        switch self {
        case .created, .opened: false
        case .recreatedAfterLoss, .replaced: true
        }
    }

    /// Decides the outcome from what the marker names and what the file held before it was migrated.
    ///
    /// - Parameters:
    ///   - marker: the marker beside the file: absent (nil), present but unreadable (`.some(nil)`), or
    ///     naming a creation id.
    ///   - databaseWasEmpty: no migration had ever run on the file (it was just created).
    ///   - creationID: the id recorded in the file before opening; 0 for a file that has none yet.
    static func decide(marker: Int32??, databaseWasEmpty: Bool, creationID: Int32) -> OpenOutcome {
        if databaseWasEmpty {
            guard let marker else { return .created }
            return .recreatedAfterLoss(lostCreationID: marker)
        }
        // A database from before markers (no id yet) or a lost marker: nothing to compare with.
        guard case let expected?? = marker, creationID != 0, expected != creationID else { return .opened }
        return .replaced(expectedCreationID: expected, foundCreationID: creationID)
    }
}
