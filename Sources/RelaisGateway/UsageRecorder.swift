import FoundationEssentials
import Logging
import RelaisCore
import Synchronization

/// The anonymous usage stream: counts events per local hour in memory and flushes them to the store as
/// hourly aggregates, never as per-session rows. Distinct devices are counted under a daily key held in
/// memory only (`DailyDeviceKey`). `record` never waits: the gateway and the pages call it in passing.
public final class UsageRecorder: Sendable {
    /// Makes the keyed hash (HMAC-SHA256 in production) from a fresh random key.
    public typealias KeyedHashFactory = @Sendable (_ key: [UInt8]) throws -> any MessageAuthenticator

    struct State {
        var key: DailyDeviceKey?
        var pending = UsageCounters()
        /// The batch being written (or whose write failed): retried with the same identifier, so the store
        /// applies it once.
        var inFlight: (id: String, counters: UsageCounters)?
        var flushing = false
        var plausibility: ClockPlausibility
        var overCapacityWarnedFor: LocalDate?
    }

    private let state: Mutex<State>
    private let store: any UsageStore
    private let zone: TimeZoneRules
    private let random: any RandomSource
    private let makeKeyedHash: KeyedHashFactory
    private let devicesPerDay: Int
    private let logger: Logger

    /// `devicesPerDay` bounds the day's token set (16 bytes each, plus the set's own overhead).
    public init(
        store: any UsageStore, zone: TimeZoneRules, random: any RandomSource, keyedHash: @escaping KeyedHashFactory,
        plausibility: ClockPlausibility = ClockPlausibility(), devicesPerDay: Int = 100_000, logger: Logger
    ) {
        self.store = store
        self.zone = zone
        self.random = random
        self.makeKeyedHash = keyedHash
        self.devicesPerDay = max(1, devicesPerDay)
        self.logger = logger
        state = Mutex(State(plausibility: plausibility))
    }

    /// Counts one event in the local hour of its date. Events dated by an implausible clock are dropped:
    /// they would be counted in 1970.
    public func record(_ event: UsageEvent) {
        let hour = UsageHour(containing: event.date, in: zone)
        let warnOverCapacity: Bool = state.withLock { state in
            guard state.plausibility.isPlausible(event.date) else { return false }
            switch event {
            case .sessionStarted(let mac, _):
                state.pending.add(.sessionsStarted, in: hour)
                if state.key?.day != hour.date, hour.date > (state.key?.day ?? hour.date.adding(days: -1)) {
                    state.key = makeKey(for: hour.date)
                }
                switch state.key?.insert(mac) {
                case .firstToday, nil:
                    state.pending.add(.devicesFirstSeen, in: hour)
                case .overCapacity:
                    state.pending.add(.devicesFirstSeen, in: hour)
                    if state.overCapacityWarnedFor != hour.date {
                        state.overCapacityWarnedFor = hour.date
                        return true
                    }
                case .seenBefore:
                    break
                }
            case .sessionEnded(let reason, let seconds, _):
                state.pending.add(.sessionsEnded, in: hour)
                state.pending.add(.ended(reason), in: hour)
                state.pending.add(.duration(DurationBucket(seconds: seconds)), in: hour)
            case .consentGiven(let purpose, _):
                if let metric = UsageMetric.consent(purpose: purpose) { state.pending.add(metric, in: hour) }
            case .helpPageViewed:
                state.pending.add(.helpPageViews, in: hour)
            case .helpRequestMade:
                state.pending.add(.helpRequestsMade, in: hour)
            case .helpRequestTaken:
                state.pending.add(.helpRequestsTaken, in: hour)
            case .kioskViewed:
                state.pending.add(.kioskViews, in: hour)
            case .onDutyMinute:
                state.pending.add(.onDutyMinutes, in: hour)
            }
            return false
        }
        if warnOverCapacity {
            logger.warning("usage: more distinct devices today than the day's set holds; further ones are counted as new",
                           metadata: ["usage.devices_per_day": "\(devicesPerDay)"])
        }
    }

    /// Starts the local day `day`: a new random key, and the previous day's key and tokens dropped. Run by
    /// the scheduler at local midnight; `record` also starts a day it finds new.
    public func beginDay(_ day: LocalDate) {
        state.withLock { state in
            guard state.key?.day != day else { return }
            state.key = makeKey(for: day)
        }
    }

    /// Forgets the day's key and tokens (at shutdown; the next start makes a new key).
    public func dropKey() {
        state.withLock { $0.key = nil }
    }

    /// The day the current key belongs to (nil: none yet). For tests and the status report.
    public var keyDay: LocalDate? { state.withLock { $0.key?.day } }

    /// Devices remembered for the current day.
    public var devicesSeenToday: Int { state.withLock { $0.key?.seen.count ?? 0 } }

    /// The counts not yet written.
    public var pending: UsageCounters {
        state.withLock { state in
            var all = state.inFlight?.counters ?? UsageCounters()
            all.merge(state.pending)
            return all
        }
    }

    /// Moves the clock floor (the store's latest recorded time is known once the store is open).
    public func setPlausibility(_ plausibility: ClockPlausibility) {
        state.withLock { $0.plausibility = plausibility }
    }

    /// Writes the pending counts as one batch. A failed write keeps the batch, retried as is next time.
    public func flush() async {
        let batch: (id: String, counters: UsageCounters)? = state.withLock { state in
            guard !state.flushing else { return nil }
            if state.inFlight == nil, !state.pending.isEmpty {
                state.inFlight = (Hex.encode(random.bytes(16)), state.pending)
                state.pending = UsageCounters()
            }
            if state.inFlight != nil { state.flushing = true }
            return state.inFlight
        }
        guard let batch else { return }
        do {
            try await store.addUsage(batch.counters.rows, batchID: batch.id)
            state.withLock { state in
                state.inFlight = nil
                state.flushing = false
            }
            logger.debug("usage flushed", metadata: ["usage.rows": "\(batch.counters.rows.count)"])
        } catch {
            state.withLock { $0.flushing = false }
            logger.warning("usage flush failed; retried at the next flush", metadata: ["error": "\(error)"])
        }
    }

    /// A fresh key for `day`; the key bytes are overwritten once the hash holds them.
    private func makeKey(for day: LocalDate) -> DailyDeviceKey? {
        var key = random.bytes(32)
        defer { for index in key.indices { key[index] = 0 } }
        do {
            return DailyDeviceKey(day: day, hash: try makeKeyedHash(key), capacity: devicesPerDay)
        } catch {
            logger.error("usage: daily key could not be made; devices are not counted", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
