import FoundationEssentials
import RelaisCore
import RelaisCrypto
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseLegalExportTests {
    static let box = IPAddress("203.0.113.1")!

    /// Device `n`: its own port block of 512 ports, a session of one hour starting `n` hours after t0.
    static func entry(_ n: Int, open: Bool = false) -> LegalEntry {
        let start = t0.addingTimeInterval(Double(n) * 3600)
        let first = UInt16(1024 + 512 * (n % 8))
        return LegalEntry(
            mac: mac(n), privateIPv4: IPAddress("10.99.0.\(n + 2)"), ipv6Addresses: [], publicAddress: box,
            portRange: first...(first + 511), natMode: .portBlocks, startedAt: start,
            endedAt: open ? nil : start.addingTimeInterval(3000), endReason: open ? nil : .idle)
    }

    static func all(_ database: AppDatabase, _ selection: LegalExportSelection, pageSize: Int, sealer: any LegalEntrySealer) async throws -> [Int64] {
        var cursor: AppDatabase.LegalExportCursor?
        var found: [Int64] = []
        repeat {
            let page = try await database.legalExportPage(selection, after: cursor, limit: pageSize, sealer: sealer)
            #expect(page.scanned <= pageSize)
            found += page.entries.map(\.sessionID)
            cursor = page.next
        } while cursor != nil
        return found
    }

    @Test(arguments: [1, 3, 100])
    func aPublicPortAtATimeFindsTheDeviceWhoseBlockHeldIt(pageSize: Int) async throws {
        let sealer = legalSealer()
        let database = try AppDatabase.inMemory(legalSealer: sealer)
        // Devices 0 and 8 share a block, at different hours; device 20 is still connected.
        for n in 0..<17 { try await database.insertLegalEntry(Self.entry(n), sessionID: Int64(100 + n)) }
        try await database.insertLegalEntry(Self.entry(20, open: true), sessionID: 120)
        let at8h30 = t0.addingTimeInterval(8 * 3600 + 1800)
        let port = LegalExportSelection(from: at8h30, to: at8h30, criterion: .publicPort(1024 + 100))
        #expect(try await Self.all(database, port, pageSize: pageSize, sealer: sealer) == [108])
        let byMAC = LegalExportSelection(from: t0, to: t0.addingTimeInterval(86_400), criterion: .mac(mac(3)))
        #expect(try await Self.all(database, byMAC, pageSize: pageSize, sealer: sealer) == [103])
        let byIP = LegalExportSelection(from: t0, to: t0.addingTimeInterval(86_400), criterion: .ip(IPAddress("10.99.0.6")!))
        #expect(try await Self.all(database, byIP, pageSize: pageSize, sealer: sealer) == [104])
        // A whole day: every entry once, ended ones in end order, then the open one.
        let day = LegalExportSelection(from: t0, to: t0.addingTimeInterval(86_400))
        #expect(try await Self.all(database, day, pageSize: pageSize, sealer: sealer) == (100...116).map(Int64.init) + [120])
        // A session still open when the period ends belongs to it; a period before any session is empty.
        let later = LegalExportSelection(from: t0.addingTimeInterval(30 * 86_400), to: t0.addingTimeInterval(31 * 86_400))
        #expect(try await Self.all(database, later, pageSize: pageSize, sealer: sealer) == [120])
        let before = LegalExportSelection(from: t0.addingTimeInterval(-7200), to: t0.addingTimeInterval(-3600))
        #expect(try await Self.all(database, before, pageSize: pageSize, sealer: sealer).isEmpty)
    }

    @Test func anExportIsAuditedWithItsSelectionSealed() async throws {
        let sealer = legalSealer()
        let database = try AppDatabase.inMemory(legalSealer: sealer)
        let selection = LegalExportSelection(from: t0, to: t0.addingTimeInterval(60), criterion: .mac(mac(7)))
        let audit = AppDatabase.LegalExportAudit(
            startedAt: t0, uid: 0, userName: "root", reference: "PV 2026/118", selection: selection)
        let id = try await database.beginLegalExport(audit, sealer: sealer)
        let unfinished = try await database.read("test") { db in
            try db.fetchOne("SELECT entry_count, finished_at, reference, user_name FROM legal_export_audit WHERE id = \(id)") {
                "\($0.int64(at: 0).map(String.init) ?? "-") \($0.int64(at: 1).map(String.init) ?? "-") \($0.string(at: 2)!) \($0.string(at: 3)!)"
            }
        }
        #expect(unfinished == "- - PV 2026/118 root")
        try await database.finishLegalExport(id, count: 3, at: t0.addingTimeInterval(2))
        let row = try await database.read("test") { db in
            try db.fetchOne("SELECT entry_count, selection_key_id, selection_nonce, selection_sealed FROM legal_export_audit") {
                ($0.int64(at: 0), SealedLegalEntry(keyID: UInt32($0.int64(at: 1)!), nonce: $0.blob(at: 2)!, ciphertext: $0.blob(at: 3)!))
            }
        }
        #expect(row?.0 == 3)
        let sealed = try #require(row?.1)
        #expect(!String(decoding: sealed.ciphertext, as: UTF8.self).contains(mac(7).description))
        let opened = try sealer.open(sealed, header: .auditSelection(startedAt: t0.legalMilliseconds))
        #expect(String(decoding: opened, as: UTF8.self) == selection.auditDescription)
        #expect(selection.auditDescription.contains("mac=\(mac(7))"))
    }
}
