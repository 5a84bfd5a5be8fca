import RelaisCore

/// At each sweep: the IPv6 addresses each open session's device uses go to its log entry, and the
/// write-ahead log is truncated so that sessions ended since the last sweep (by any path) leave no
/// page image with their MAC or IP behind it.
extension Gateway {
    /// Called at the end of each sweep, in its turn. Failures are logged, not thrown: the sweep's
    /// own work (ends, drift) is done, and the next sweep tries again.
    func minimizeLiveState() async {
        guard let minimizer = store as? any LiveStateMinimizer else { return }
        var seen: [Int64: [IPAddress]] = [:]
        for entry in directory.entries() {
            guard let id = entry.session.id else { continue }
            let addresses = neighbours.ipv6Addresses(of: entry.session.mac)
            if !addresses.isEmpty { seen[id] = addresses }
        }
        do {
            try await minimizer.recordLegalIPv6(seen)
            if try await !minimizer.forgetEndedSessionsInJournal() {
                logger.debug("journal checkpoint busy: retried at the next sweep")
            }
        } catch {
            logger.warning("legal log: recording IPv6 addresses or truncating the journal failed", metadata: ["error": "\(error)"])
        }
    }
}
