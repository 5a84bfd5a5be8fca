/// Coarse bands of session length: a report shows how long visitors stay, never one visitor's exact
/// duration (an exact figure in a small cell could single a person out).
public enum DurationBucket: String, Sendable, CaseIterable, Comparable {
    case under5Minutes = "under-5m"
    case under15Minutes = "5-15m"
    case under30Minutes = "15-30m"
    case under1Hour = "30-60m"
    case under2Hours = "1-2h"
    case atLeast2Hours = "over-2h"

    /// The bucket of a session that lasted `seconds`.
    public init(seconds: Double) {
        switch seconds {
        case ..<300: self = .under5Minutes
        case ..<900: self = .under15Minutes
        case ..<1800: self = .under30Minutes
        case ..<3600: self = .under1Hour
        case ..<7200: self = .under2Hours
        default: self = .atLeast2Hours
        }
    }

    public static func < (lhs: DurationBucket, rhs: DurationBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
