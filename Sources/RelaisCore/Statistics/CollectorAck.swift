/// The collector's answer to one delivery, as the box reads it.
///
/// The protocol: the box POSTs the signed bytes; the collector answers 2xx with the body `{"ack":"<report id>"}`
/// (canonical JSON, `CollectorAck.body(for:)`), also when it had stored that report before, so a repeated
/// delivery is acknowledged and counted once. A 2xx without that echo is not an acknowledgement.
public enum CollectorAck: Sendable, Equatable {
    /// Stored (now or before): mark the item acknowledged.
    case acknowledged
    /// Worth another try later: no answer, a 5xx, 408, 429, or a 2xx without the echo.
    case retry
    /// Refused for good (malformed, unknown box, bad signature…): kept and logged, not sent again.
    case refused

    /// The body a collector sends to acknowledge `reportID`.
    public static func body(for reportID: String) -> [UInt8] {
        CanonicalJSON.object(["ack": .string(reportID)]).bytes
    }

    /// Reads an HTTP answer (nil status: no answer at all) to the delivery of `reportID`.
    public static func classify(status: Int?, body: [UInt8], reportID: String) -> CollectorAck {
        guard let status else { return .retry }
        switch status {
        case 200...299:
            var trimmed = body[...]
            while let last = trimmed.last, last == 0x0A || last == 0x0D || last == 0x20 { trimmed = trimmed.dropLast() }
            return Array(trimmed) == Self.body(for: reportID) ? .acknowledged : .retry
        case 408, 429: return .retry
        case 400...499: return .refused
        default: return .retry
        }
    }
}

/// When to try again: exponential backoff from `base`, capped, with jitter so that the boxes of a
/// département coming back after a collector outage do not all call at the same second.
public struct OutboxBackoff: Sendable, Equatable {
    public var baseSeconds: Double
    public var capSeconds: Double

    public init(baseSeconds: Double = 30, capSeconds: Double = 3600) {
        self.baseSeconds = baseSeconds
        self.capSeconds = capSeconds
    }

    /// The wait after the `attempts`-th failure (1 for the first), with `jitter` drawn uniformly in 0..<1:
    /// between half and all of min(cap, base·2^(attempts−1)).
    public func delay(afterAttempts attempts: Int, jitter: Double) -> Double {
        let exponent = min(max(attempts - 1, 0), 30)
        let ceiling = min(capSeconds, baseSeconds * Double(1 << exponent))
        return ceiling * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }
}
