import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

/// Issue 9 §2: once sessions end, the bytes of the database, its -wal and its -shm hold none of the
/// MAC or IP addresses used, in text or in binary form.
@Suite struct LegalLogResidueTests {
    /// Every form an address could be stored or leak in.
    static func needles(mac: MACAddress, ipv4: IPAddress, ipv6: IPAddress) -> [(String, [UInt8])] {
        let macText = mac.description
        return [
            (macText, Array(macText.utf8)), (macText.uppercased(), Array(macText.uppercased().utf8)),
            ("\(macText) (no colons)", Array(macText.filter { $0 != ":" }.utf8)),
            ("\(macText) (binary)", mac.octets),
            (ipv4.description, Array(ipv4.description.utf8)), ("\(ipv4) (binary)", ipv4.bytes),
            (ipv6.description, Array(ipv6.description.utf8)), ("\(ipv6) (binary)", ipv6.bytes),
        ]
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            (0...(hay.count - needle.count)).contains { start in
                hay[start] == needle[0] && needle.indices.allSatisfy { hay[start + $0] == needle[$0] }
            }
        }
    }

    @Test func endedSessionsLeaveNoAddressInTheFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Addresses with bytes unlikely to occur by chance in ciphertext or page headers.
        let devices = (0..<12).map { n in
            (mac: MACAddress(rawValue: 0x02_A7_5C_E1_90_00 | UInt64(n)), ipv4: IPAddress("10.213.\(77 + n).\(141 + n)")!,
             ipv6: IPAddress("2001:db8:7e57:\(String(0xA000 + n, radix: 16))::\(String(0xBEEF + n, radix: 16))")!)
        }
        var needles: [(String, [UInt8])] = []
        do {
            let database = try AppDatabase.open(path: directory.databasePath, legalSealer: legalSealer())
            let sessions = try await database.admitted(devices.map { device in
                Session.open(
                    mac: device.mac, ipAddress: device.ipv4, origin: .portal, termsVersion: "v1",
                    limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), now: t0)
            })
            try await database.recordLegalIPv6(Dictionary(uniqueKeysWithValues: zip(sessions, devices).map { ($0.id!, [$1.ipv6]) }))
            for device in devices { needles += Self.needles(mac: device.mac, ipv4: device.ipv4, ipv6: device.ipv6) }
            // Every ending path: logout, firewall failure, block, replacement (then its own end), expiry.
            let end = t0.addingTimeInterval(60)
            _ = try await database.endSessions(sessions[0..<3].map { SessionEnding(sessionID: $0.id!, reason: .visitorLogout, endedAt: end) })
            _ = try await database.endSessions([SessionEnding(sessionID: sessions[3].id!, reason: .firewallFailure, endedAt: end)])
            _ = try await database.block([devices[4].mac, devices[5].mac], endDates: [:], at: end)
            try await database.unblock([devices[4].mac, devices[5].mac])
            let replacing = try await database.admitted([Session.open(
                mac: devices[6].mac, ipAddress: devices[6].ipv4, origin: .portal, termsVersion: "v1",
                limits: SessionLimits(sessionSeconds: 60, idleSeconds: 60), now: end)])
            _ = try await database.endSessions([SessionEnding(sessionID: replacing[0].id!, reason: .idle, endedAt: end)])
            _ = try await database.endExpiredSessions(at: t0.addingTimeInterval(7200))
            #expect(try await database.liveSessions(at: t0).isEmpty)
            try await database.forgetEndedSessionsInJournal()
            // The files as they are while the daemon runs, before any close.
            try Self.expectClean(directory, needles)
        }
        try Self.expectClean(directory, needles)
    }

    static func expectClean(_ directory: TemporaryDirectory, _ needles: [(String, [UInt8])]) throws {
        var scanned = 0
        for suffix in ["", "-wal", "-shm"] {
            let path = directory.databasePath + suffix
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            scanned += bytes.count
            for (name, needle) in needles where contains(bytes, needle) {
                Issue.record("\(name) found in relais.sqlite\(suffix)")
            }
        }
        #expect(scanned > 0)
    }
}
