/// One category of data the box holds: what it is, why, on which legal basis, how long, and how the
/// purge removes it. `RetentionPolicy.categories` lists them all, once.
public struct RetentionCategory: Sendable, Equatable, Identifiable {
    /// Stable identifiers: purge steps, `relais purge --dry-run` and the docs name categories by them.
    public enum ID: String, Sendable, CaseIterable, Comparable {
        case sessions
        case legalLog = "legal-log"
        case legalExportAudit = "legal-export-audit"
        case consents
        case helpRequests = "help-requests"
        case agentSignInAttempts = "agent-sign-in-attempts"
        case agentSessions = "agent-sessions"
        case checkIns = "check-ins"
        case usageAggregates = "usage-aggregates"
        case statisticsOutbox = "statistics-outbox"
        case placesDirectory = "places-directory"

        public static func < (lhs: ID, rhs: ID) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var id: ID
    /// The data held, field by field.
    public var data: String
    public var purpose: String
    /// GDPR article 6(1) point, with the law that imposes it when there is one.
    public var legalBasis: String
    public var retention: RetentionPeriod
    /// How the purge enforces the retention (the function that removes the rows).
    public var purgeRule: String

    public init(id: ID, data: String, purpose: String, legalBasis: String, retention: RetentionPeriod, purgeRule: String) {
        self.id = id
        self.data = data
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.retention = retention
        self.purgeRule = purgeRule
    }
}
