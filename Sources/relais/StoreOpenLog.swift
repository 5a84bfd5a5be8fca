import Logging
import RelaisStore

/// Says at start what opening the database found; a lost or swapped database is an error the operator must see.
enum StoreOpenLog {
    static func record(_ outcome: OpenOutcome, path: String, logger: Logger) {
        switch outcome {
        case .opened:
            logger.info("database opened", metadata: ["db.path": "\(path)"])
        case .created:
            logger.notice("database created (first start)", metadata: ["db.path": "\(path)"])
        case .recreatedAfterLoss(let lost):
            logger.error("database was deleted or moved: a new empty one was started; the devices of live sessions lost access and must accept again", metadata: [
                "db.path": "\(path)", "db.lost_creation_id": "\(lost.map(String.init) ?? "unknown")",
            ])
        case .replaced(let expected, let found):
            logger.error("database file is not the one this box created (restored or copied?): its sessions may not match the devices connected now", metadata: [
                "db.path": "\(path)", "db.expected_creation_id": "\(expected)", "db.found_creation_id": "\(found)",
            ])
        }
    }
}
