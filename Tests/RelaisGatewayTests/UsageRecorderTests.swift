import Foundation
import RelaisCore
import RelaisCrypto
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

@Suite struct UsageRecorderTests {
    let noon = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21, 16:13 in Paris
    let phone = MACAddress("02:00:00:00:00:01")!
    let laptop = MACAddress("02:00:00:00:00:02")!

    func recorder(_ store: any UsageStore, devicesPerDay: Int = 100, logs: LogRecorder = LogRecorder()) -> UsageRecorder {
        UsageRecorder(store: store, zone: paris, random: SystemRandomSource(), keyedHash: hmacFactory, devicesPerDay: devicesPerDay, logger: logs.logger())
    }

    @Test func aDeviceIsCountedOnceADayAndAgainTheNextDay() async throws {
        let database = try AppDatabase.inMemory()
        let usage = recorder(database)
        usage.record(.sessionStarted(mac: phone, at: noon))
        usage.record(.sessionStarted(mac: phone, at: noon.addingTimeInterval(3600)))
        usage.record(.sessionStarted(mac: laptop, at: noon.addingTimeInterval(3600)))
        let today = paris.localDate(at: noon)
        #expect(usage.keyDay == today)
        #expect(usage.devicesSeenToday == 2)
        usage.record(.sessionStarted(mac: phone, at: noon.addingTimeInterval(86_400)))
        #expect(usage.keyDay == today.adding(days: 1))
        #expect(usage.devicesSeenToday == 1)
        await usage.flush()
        let rows = try await database.usage(from: today, through: today.adding(days: 1))
        func sum(_ metric: UsageMetric, _ day: LocalDate) -> Int {
            rows.filter { $0.metric == metric && $0.hour.date == day }.map(\.amount).reduce(0, +)
        }
        #expect(sum(.sessionsStarted, today) == 3)
        #expect(sum(.devicesFirstSeen, today) == 2)
        #expect(sum(.devicesFirstSeen, today.adding(days: 1)) == 1)
        #expect(usage.pending.isEmpty)
    }

    @Test func midnightDropsTheKeyAndTheDaysTokens() async throws {
        let usage = recorder(try AppDatabase.inMemory())
        let today = paris.localDate(at: noon)
        usage.record(.sessionStarted(mac: phone, at: noon))
        usage.beginDay(today)  // the same day: nothing changes
        #expect(usage.devicesSeenToday == 1)
        usage.beginDay(today.adding(days: 1))
        #expect(usage.keyDay == today.adding(days: 1))
        #expect(usage.devicesSeenToday == 0)
        usage.dropKey()
        #expect(usage.keyDay == nil)
    }

    @Test func endingsCountReasonAndDurationBand() async throws {
        let database = try AppDatabase.inMemory()
        let usage = recorder(database)
        usage.record(.sessionEnded(reason: .idle, seconds: 1000, at: noon))
        usage.record(.sessionEnded(reason: .visitorLogout, seconds: 120, at: noon))
        usage.record(.consentGiven(purpose: "remember-device", at: noon))
        usage.record(.consentGiven(purpose: "Pas un identifiant", at: noon))
        usage.record(.helpPageViewed(at: noon))
        let hour = UsageHour(containing: noon, in: paris)
        let pending = usage.pending
        #expect(pending.count(.sessionsEnded, in: hour) == 2)
        #expect(pending.count(.ended(.idle), in: hour) == 1)
        #expect(pending.count(.duration(.under30Minutes), in: hour) == 1)
        #expect(pending.count(.duration(.under5Minutes), in: hour) == 1)
        #expect(pending.count(UsageMetric.consent(purpose: "remember-device")!, in: hour) == 1)
        #expect(pending.count(.helpPageViews, in: hour) == 1)
        #expect(pending.rows.count == 7)
    }

    @Test func theHelpOffersEventsCountUnderTheDailyReportsNames() async throws {
        let database = try AppDatabase.inMemory()
        let usage = recorder(database)
        usage.record(.helpRequestMade(at: noon))
        usage.record(.helpRequestMade(at: noon))
        usage.record(.helpRequestTaken(at: noon))
        usage.record(.kioskViewed(at: noon))
        usage.record(.onDutyMinute(at: noon))
        await usage.flush()
        let day = UsageHour(containing: noon, in: paris).date
        let figures = HelpOfferFigures(usage: try await database.usage(from: day, through: day))
        let hour = UsageHour(containing: noon, in: paris).hour
        #expect(figures == HelpOfferFigures(requestsMade: [hour: 2], requestsTaken: [hour: 1], kioskViews: [hour: 1], onDutyHours: [hour]))
    }

    @Test func eventsDatedByAnUnsetClockAreDropped() async throws {
        let usage = recorder(try AppDatabase.inMemory())
        usage.record(.sessionStarted(mac: phone, at: Date(timeIntervalSince1970: 60)))
        usage.record(.helpPageViewed(at: Date(timeIntervalSince1970: 60)))
        #expect(usage.pending.isEmpty)
        #expect(usage.keyDay == nil)
    }

    /// The day's set is bounded: beyond it devices are counted as new (an over-count), said once a day.
    @Test func theDaysSetIsBounded() async throws {
        let logs = LogRecorder()
        let usage = recorder(try AppDatabase.inMemory(), devicesPerDay: 2, logs: logs)
        for n in 1...4 { usage.record(.sessionStarted(mac: MACAddress(rawValue: 0x0200_0000_0000 | UInt64(n)), at: noon)) }
        usage.record(.sessionStarted(mac: MACAddress(rawValue: 0x0200_0000_0001), at: noon))
        #expect(usage.devicesSeenToday == 2)
        #expect(usage.pending.count(.devicesFirstSeen, in: UsageHour(containing: noon, in: paris)) == 4)
        #expect(logs.all.filter { $0.level == .warning }.count == 1)
    }

    /// A flush whose answer was lost is retried with the same batch, which the store applies once.
    @Test func aRetriedFlushNeverCountsTwice() async throws {
        let database = try AppDatabase.inMemory()
        let usage = recorder(LostAnswerUsageStore(database: database))
        usage.record(.sessionStarted(mac: phone, at: noon))
        await usage.flush()  // committed, answer lost: kept as in flight
        #expect(!usage.pending.isEmpty)
        usage.record(.sessionStarted(mac: laptop, at: noon))
        await usage.flush()  // the lost batch again (skipped by the store)
        await usage.flush()  // then the new one
        #expect(usage.pending.isEmpty)
        let today = paris.localDate(at: noon)
        let started = try await database.usage(from: today, through: today).filter { $0.metric == .sessionsStarted }
        #expect(started.map(\.amount).reduce(0, +) == 2)
    }

    /// Nothing of a device reaches the disk: neither its address (text or bytes) nor its daily hash.
    @Test func theDatabaseHoldsNoTraceOfTheDevices() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/relais-usage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/relais.sqlite"
        do {
            let database = try AppDatabase.open(path: path)
            let usage = recorder(database)
            for mac in [phone, laptop] { usage.record(.sessionStarted(mac: mac, at: noon)) }
            await usage.flush()
        }
        var bytes: [UInt8] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
            bytes += try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
        }
        for mac in [phone, laptop] {
            #expect(!bytes.contains(mac.description.utf8))
            #expect(!bytes.contains(mac.octets))
            #expect(!bytes.contains(Hex.encode(mac.octets).utf8))
        }
        #expect(bytes.contains("devices.first-seen".utf8))
    }
}

extension Array where Element == UInt8 {
    func contains(_ needle: some Collection<UInt8>) -> Bool {
        let needle = Array(needle)
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<start + needle.count].elementsEqual(needle) }
    }
}
