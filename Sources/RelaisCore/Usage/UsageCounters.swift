/// Counter increments not yet written, per local hour and metric: what the usage stream holds between
/// two flushes. Only counts: no identifier of any kind.
public struct UsageCounters: Sendable, Equatable {
    public private(set) var counts: [UsageHour: [UsageMetric: Int]] = [:]

    public init() {}

    public var isEmpty: Bool { counts.isEmpty }

    /// Adds `amount` (positive) to `metric` in `hour`.
    public mutating func add(_ metric: UsageMetric, in hour: UsageHour, amount: Int = 1) {
        guard amount > 0 else { return }
        counts[hour, default: [:]][metric, default: 0] += amount
    }

    /// Adds every count of `other`: a flush that failed goes back into the pending counters.
    public mutating func merge(_ other: UsageCounters) {
        for (hour, metrics) in other.counts {
            for (metric, amount) in metrics { add(metric, in: hour, amount: amount) }
        }
    }

    /// The increments as rows, in a stable order (hour, then metric).
    public var rows: [UsageIncrement] {
        counts.keys.sorted().flatMap { hour in
            counts[hour, default: [:]].sorted { $0.key < $1.key }.map { UsageIncrement(hour: hour, metric: $0.key, amount: $0.value) }
        }
    }

    /// The count of `metric` in `hour`.
    public func count(_ metric: UsageMetric, in hour: UsageHour) -> Int { counts[hour]?[metric] ?? 0 }
}

/// One increment of one hourly aggregate, as written to the store.
public struct UsageIncrement: Sendable, Equatable {
    public var hour: UsageHour
    public var metric: UsageMetric
    public var amount: Int

    public init(hour: UsageHour, metric: UsageMetric, amount: Int) {
        self.hour = hour
        self.metric = metric
        self.amount = amount
    }
}
