import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
@testable import RelaisStore
import RelaisTesting

/// The production keyed hash: HMAC-SHA256 through OpenSSL.
let hmacFactory: UsageRecorder.KeyedHashFactory = { try HMACSHA256Authenticator(key: $0) }

let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!

/// A gateway with its usage stream over the real store and the real HMAC, on a hand-moved clock.
struct UsageRig {
    let database: AppDatabase
    let firewall = InMemoryFirewall()
    let neighbours = StaticNeighbourTable()
    let clock: ManualClock
    let logs = LogRecorder()
    let usage: UsageRecorder
    let gateway: Gateway

    init(database: AppDatabase? = nil, clock: ManualClock = ManualClock(), plausibility: ClockPlausibility = ClockPlausibility(),
         consent: GatewayConsent? = nil) throws {
        self.database = try database ?? AppDatabase.inMemory()
        self.clock = clock
        usage = UsageRecorder(
            store: self.database, zone: paris, random: SystemRandomSource(), keyedHash: hmacFactory,
            plausibility: plausibility, logger: logs.logger())
        gateway = Gateway(
            store: self.database, firewall: firewall, tracker: firewall, neighbours: neighbours,
            layout: FirewallLayout(
                tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                idleSeconds: 600, maxDevices: 100),
            limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), clocks: clock, logger: logs.logger(),
            usage: usage, plausibility: plausibility, consent: consent)
    }

    /// Device `n` at 192.0.2.n accepts the terms.
    @discardableResult
    func accept(_ n: Int) async -> VisitorAcceptOutcome {
        let address = IPAddress(stringLiteral: "192.0.2.\(n)")
        neighbours.set(address, MACAddress(rawValue: 0x02_00_00_00_00_00 | UInt64(n)))
        return await gateway.acceptTerms(ipAddress: address, termsVersion: "v1")
    }

    func logout(_ n: Int) async -> Session? {
        await gateway.logout(ipAddress: IPAddress(stringLiteral: "192.0.2.\(n)"))
    }

    /// The stored counts of `metric`, summed over every hour of the local days around the clock's date.
    func stored(_ metric: UsageMetric) async throws -> Int {
        let today = paris.localDate(at: clock.now)
        return try await database.usage(from: today.adding(days: -800), through: today.adding(days: 1))
            .filter { $0.metric == metric }.map(\.amount).reduce(0, +)
    }
}

/// A usage store that writes, then loses the answer once: the caller sees a failure though the batch committed.
final class LostAnswerUsageStore: UsageStore, @unchecked Sendable {
    // @unchecked: `lost` is only touched by the recorder's flushes, which never overlap.
    let database: AppDatabase
    var lose = true

    init(database: AppDatabase) { self.database = database }

    func addUsage(_ increments: [UsageIncrement], batchID: String) async throws {
        try await database.addUsage(increments, batchID: batchID)
        if lose {
            lose = false
            throw CancellationError()
        }
    }
}
