import Logging
import Synchronization

/// Keeps log records in memory so tests can check what was (and was not) logged.
public final class LogRecorder: Sendable {
    public struct Record: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: Logger.Metadata
    }

    private let records = Mutex<[Record]>([])

    public init() {}

    public var all: [Record] { records.withLock { $0 } }

    public func logger() -> Logger {
        var logger = Logger(label: "test") { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Every message and metadata value logged above debug, as text.
    public var textAboveDebug: String {
        all.filter { $0.level > .debug }
            .map { "\($0.message) \($0.metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " "))" }
            .joined(separator: "\n")
    }

    /// Every record as one line: level, message, then metadata sorted by key.
    public var lines: [String] {
        all.map { record in
            let fields = record.metadata.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            return "\(record.level) \(record.message) \(fields)"
        }
    }

    fileprivate func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append(Record(
                level: event.level, message: event.message.description,
                metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
        }
    }
}
