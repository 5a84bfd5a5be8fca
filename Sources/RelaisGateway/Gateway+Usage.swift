import FoundationEssentials
import RelaisCore

/// What the gateway tells the usage stream, and the clock check before any session is dated.
extension Gateway {
    /// Visitors' sessions just let through; a session one of them replaced ended as `.replaced` (the store
    /// ended it inside the admission, so only the directory still knows it). Call before `record`.
    func countStarted(_ admitted: [Session]) {
        guard let usage else { return }
        for session in admitted where session.origin == .portal {
            if let previous = directory.session(for: session.mac), previous.id != session.id {
                countEnded([previous.ended(.replaced, at: max(session.startedAt, previous.startedAt))])
            }
            usage.record(.sessionStarted(mac: session.mac, at: session.startedAt))
        }
    }

    /// Visitors' sessions the store has just ended (operators' sessions are not visits).
    func countEnded(_ ended: [Session]) {
        guard let usage else { return }
        for session in ended where session.origin == .portal {
            guard let endedAt = session.endedAt, let reason = session.endReason else { continue }
            usage.record(.sessionEnded(reason: reason, seconds: max(0, endedAt.timeIntervalSince(session.startedAt)), at: endedAt))
        }
    }

    /// True when the wall clock can date a session; otherwise tells the operator (once a minute) why
    /// visitors are refused.
    func clockIsSet() -> Bool {
        let wall = clocks.wallNow()
        if plausibility.isPlausible(wall) { return true }
        let now = clocks.monotonicNow()
        let metadata: [String: String] = [
            "clock.now": "\(Int(wall.timeIntervalSince1970))", "clock.floor": "\(Int(plausibility.floor.timeIntervalSince1970))",
        ]
        if let last = clockWarnedAt, now - last < .seconds(60) {
            logger.debug("clock not set: admission refused", metadata: metadata.mapValues { .string($0) })
        } else {
            clockWarnedAt = now
            logger.warning("wall clock not set (before the release date or the store's latest record): admissions refused until NTP sets it",
                           metadata: metadata.mapValues { .string($0) })
        }
        return false
    }
}
