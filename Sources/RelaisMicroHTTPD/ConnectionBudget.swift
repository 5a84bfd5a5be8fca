#if canImport(Glibc)
import Glibc
#endif

/// How many connections a listener takes, in total and from one address, derived from the
/// configuration and the process's descriptor limit (RLIMIT_NOFILE, set by the unit's LimitNOFILE).
///
/// The rule: total = min(configured total, descriptor limit − `reservedDescriptors`), so that the
/// process never runs out of descriptors for SQLite, netlink, the control socket and its other
/// listeners; per address = min(configured per address, total). With the defaults (4096 in total,
/// 16 per address, LimitNOFILE=8192) it takes 256 addresses at their limit to fill the budget, far
/// more than the devices of a hall, while 16 covers a browser's 6 connections per host and the probes.
public struct ConnectionBudget: Sendable, Equatable {
    public var total: Int
    public var perAddress: Int

    /// Descriptors kept for everything but the listener's connections.
    public static let reservedDescriptors = 256
    /// The least a listener gets even under a very low descriptor limit.
    public static let minimumTotal = 16

    public init(total: Int, perAddress: Int) {
        self.total = total
        self.perAddress = perAddress
    }

    /// The budget for `configured` limits under a descriptor limit (nil when unlimited).
    public static func derive(total: Int, perAddress: Int, descriptorLimit: Int?) -> ConnectionBudget {
        var budgetTotal = total
        if let descriptorLimit {
            budgetTotal = min(total, max(minimumTotal, descriptorLimit - reservedDescriptors))
        }
        // 0 per address means no per-address limit in MHD; keep it so.
        let budgetPerAddress = perAddress == 0 ? 0 : min(perAddress, budgetTotal)
        return ConnectionBudget(total: budgetTotal, perAddress: budgetPerAddress)
    }

    /// The soft RLIMIT_NOFILE of this process, nil when unlimited or unreadable.
    public static func descriptorLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }
}
