import struct FoundationEssentials.Date

/// The lockout rule of staff sign-in: after `maxFailures` failed attempts within `window`, further
/// attempts are refused until `lockout` after the last failure. Counted separately per account and per
/// client address (so that guessing many accounts from one machine is stopped too).
public struct SignInThrottle: Sendable, Equatable {
    public var maxFailuresPerAccount: Int
    public var maxFailuresPerAddress: Int
    public var windowSeconds: Int
    public var lockoutSeconds: Int

    public init(maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20, windowSeconds: Int = 900, lockoutSeconds: Int = 900) {
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.windowSeconds = windowSeconds
        self.lockoutSeconds = lockoutSeconds
    }

    /// The verdict for one counter.
    public enum Decision: Sendable, Equatable {
        case allowed
        case locked(until: Date)
    }

    /// From the failures' times of one counter (any order), the verdict at `now`.
    public func decision(failures: [Date], limit: Int, now: Date) -> Decision {
        let recent = failures.filter { $0 > now.addingTimeInterval(-Double(windowSeconds)) && $0 <= now }
        guard recent.count >= limit, let last = recent.max() else { return .allowed }
        let until = last.addingTimeInterval(Double(lockoutSeconds))
        return until > now ? .locked(until: until) : .allowed
    }

    /// The later of two verdicts' lockouts.
    public static func combine(_ a: Decision, _ b: Decision) -> Decision {
        switch (a, b) {
        case (.allowed, let other), (let other, .allowed): other
        case (.locked(let x), .locked(let y)): .locked(until: max(x, y))
        }
    }
}
