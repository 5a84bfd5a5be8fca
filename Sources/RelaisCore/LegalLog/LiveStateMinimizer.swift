/// What the sweep asks of the store besides the sessions (the store's `AppDatabase` implements it): keep
/// the IPv6 addresses each open session's device uses for its log entry, and make sure that ended
/// sessions' old page images leave the write-ahead log.
public protocol LiveStateMinimizer: Sendable {
    /// Adds IPv6 addresses seen for open sessions, by session id; ended or unknown sessions are skipped.
    func recordLegalIPv6(_ seen: [Int64: [IPAddress]]) async throws
    /// Checkpoints and truncates the write-ahead log, which otherwise keeps the pages of sessions as
    /// they were before they ended (MAC and IP included) until it is rewritten. False when a reader held
    /// it and the next call must try again.
    func forgetEndedSessionsInJournal() async throws -> Bool
}
