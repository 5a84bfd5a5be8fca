import Logging
import Synchronization

/// Counts refused and broken requests by kind and writes one summary line per interval, instead of a
/// line per request: on an open network a flood of bad requests must not become a flood of journal lines.
final class RefusalLog: Sendable {
    private struct State {
        var counts: [String: Int] = [:]
        /// The latest message of a kind not recognized, shown with the summary (MHD's texts hold no address).
        var unrecognized: String?
        var lastFlush: ContinuousClock.Instant
    }

    private let logger: Logger
    private let interval: Duration
    private let clock = ContinuousClock()
    private let state: Mutex<State>

    init(logger: Logger, interval: Duration) {
        self.logger = logger
        self.interval = interval
        self.state = Mutex(State(lastFlush: ContinuousClock().now))
    }

    /// Counts one event of `kind` (a stable word such as "bad-content-length" or "mhd-400").
    func record(_ kind: String, message: String? = nil) {
        state.withLock { state in
            state.counts[kind, default: 0] += 1
            if let message { state.unrecognized = message }
        }
    }

    /// Writes the summary if the interval has passed (or `force`) and anything was counted.
    func flush(force: Bool = false) {
        let now = clock.now
        let (counts, unrecognized) = state.withLock { state -> ([String: Int], String?) in
            guard force || now - state.lastFlush >= interval else { return ([:], nil) }
            state.lastFlush = now
            defer {
                state.counts.removeAll(keepingCapacity: true)
                state.unrecognized = nil
            }
            return (state.counts, state.unrecognized)
        }
        guard !counts.isEmpty else { return }
        var metadata: Logger.Metadata = ["http.refused.total": "\(counts.values.reduce(0, +))"]
        for (kind, count) in counts { metadata["http.refused.\(kind)"] = "\(count)" }
        if let unrecognized { metadata["mhd.message"] = "\(unrecognized)" }
        logger.info("requests refused or broken off", metadata: metadata)
    }

    /// The kind of one of MHD's messages about a client, or nil for one that is not about a request.
    static func kind(ofMHDMessage message: String) -> String? {
        if message.hasPrefix("Error processing request (HTTP response code is ") {
            let code = message.dropFirst(48).prefix { $0.isNumber }
            return "mhd-\(code)"
        }
        if message.contains("closed by remote side with incomplete request") { return "incomplete" }
        if message.contains("timed out") || message.contains("timeout") { return "timeout" }
        if message.contains("connection limit") || message.contains("IP connection limit") { return "connection-limit" }
        // The explanation MHD writes just before its "Error processing request" line: counted there.
        if message.contains("Content-Length") || message.contains("Not enough memory in pool") { return nil }
        return "mhd-other"
    }
}
