import FoundationEssentials
import Logging
import RelaisCore
import RelaisCrypto
import RelaisStore

/// Staff sign-in: lockout first (per account and per client address), then the password (scrypt),
/// then a new session whose token only the browser holds.
struct StaffAuthenticator: Sendable {
    /// The outcome of one attempt.
    enum Outcome: Sendable, Equatable {
        case signedIn(Agent, token: String)
        /// Wrong login or password, or a disabled account: the page does not say which.
        case refused
        /// Too many failures; try again after this instant.
        case locked(until: Date)
    }

    let store: AppDatabase
    let hasher: ScryptPasswordHasher
    let random: any RandomSource
    let settings: StaffSettings
    let logger: Logger
    /// Verified when the login is unknown, so that the answer takes as long as for a known one.
    let decoy: String

    init(store: AppDatabase, hasher: ScryptPasswordHasher, random: any RandomSource, settings: StaffSettings, logger: Logger) throws {
        self.store = store
        self.hasher = hasher
        self.random = random
        self.settings = settings
        self.logger = logger
        decoy = try hasher.hash(Hex.encode(random.bytes(16)))
    }

    func signIn(login: String, password: String, address: IPAddress, now: Date) async throws -> Outcome {
        let credentials = Agent.isValidLogin(login) ? try await store.agentCredentials(login: login) : nil
        let addressKey = address.description
        if case .locked(let until) = try await lockout(agentID: credentials?.agent.id, address: addressKey, now: now) {
            logger.notice("staff sign-in locked out")
            return .locked(until: until)
        }
        let matches = hasher.verify(password, against: credentials?.passwordHash ?? decoy)
        guard let credentials, matches, !credentials.agent.isDisabled else {
            try await store.recordSignInFailure(agentID: credentials?.agent.id, address: addressKey, at: now)
            logger.notice("staff sign-in refused")
            logger.debug("staff sign-in refused", metadata: ["staff.client": "\(addressKey)"])
            if case .locked(let until) = try await lockout(agentID: credentials?.agent.id, address: addressKey, now: now) {
                return .locked(until: until)
            }
            return .refused
        }
        try await store.clearSignInFailures(agentID: credentials.agent.id)
        if hasher.needsRehash(credentials.passwordHash) {
            _ = try await store.setPasswordHash(login: login, try hasher.hash(password))
        }
        let token = random.bytes(32)
        try await store.openStaffSession(
            tokenHash: try SHA256Digest.hash(token), agentID: credentials.agent.id, at: now,
            expiresAt: now.addingTimeInterval(Double(settings.sessionSeconds)))
        logger.info("staff signed in", metadata: ["staff.agent": "\(credentials.agent.id)"])
        return .signedIn(credentials.agent, token: Hex.encode(token))
    }

    private func lockout(agentID: Int64?, address: String, now: Date) async throws -> SignInThrottle.Decision {
        let throttle = settings.throttle
        let failures = try await store.signInFailures(
            agentID: agentID, address: address, since: now.addingTimeInterval(-Double(throttle.windowSeconds)))
        return SignInThrottle.combine(
            throttle.decision(failures: failures.account, limit: throttle.maxFailuresPerAccount, now: now),
            throttle.decision(failures: failures.address, limit: throttle.maxFailuresPerAddress, now: now))
    }
}
