import Logging

/// The only place that bootstraps logging: stderr, which journald collects with the unit's identifier.
enum LoggingSetup {
    static func bootstrap(level: String) {
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
    }
}
