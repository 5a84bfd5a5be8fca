import FoundationEssentials
import Glibc
import RelaisCore
import RelaisStore

/// One export: its audit entry first, then the matching entries streamed page by page to standard
/// output (memory bounded by the page size whatever the period), then the audit completed.
struct LegalExportRun {
    let database: AppDatabase
    let sealer: any LegalEntrySealer
    let selection: LegalExportSelection
    let format: LegalExportFormat
    let batchSize: Int

    func run(reference: String, who: ExportingUser) async throws -> Int {
        let audit = AppDatabase.LegalExportAudit(
            startedAt: Date(), uid: who.uid, userName: who.name, reference: reference, selection: selection)
        let auditID = try await database.beginLegalExport(audit, sealer: sealer)
        var count = 0
        var cursor: AppDatabase.LegalExportCursor?
        write(format == .csv ? Self.csvHeader + "\n" : "[")
        repeat {
            let page = try await database.legalExportPage(selection, after: cursor, limit: batchSize, sealer: sealer)
            var text = ""
            for (sessionID, entry) in page.entries {
                switch format {
                case .csv: text += Self.csvLine(sessionID, entry) + "\n"
                case .json: text += (count == 0 ? "\n" : ",\n") + Self.jsonObject(sessionID, entry)
                }
                count += 1
            }
            write(text)
            cursor = page.next
        } while cursor != nil
        if format == .json { write("\n]\n") }
        try await database.finishLegalExport(auditID, count: count, at: Date())
        return count
    }

    static let csvHeader = "session_id,mac,private_ipv4,ipv6_addresses,public_address,port_first,port_last,nat_mode,started_at,ended_at,end_reason"

    static func fields(_ sessionID: Int64, _ entry: LegalEntry) -> [(String, String?)] {
        [
            ("session_id", String(sessionID)), ("mac", entry.mac.description),
            ("private_ipv4", entry.privateIPv4?.description),
            ("ipv6_addresses", entry.ipv6Addresses.isEmpty ? nil : entry.ipv6Addresses.map(\.description).joined(separator: " ")),
            ("public_address", entry.publicAddress?.description),
            ("port_first", entry.portRange.map { String($0.lowerBound) }), ("port_last", entry.portRange.map { String($0.upperBound) }),
            ("nat_mode", entry.natMode.rawValue), ("started_at", entry.startedAt.formatted(.iso8601)),
            ("ended_at", entry.endedAt?.formatted(.iso8601)), ("end_reason", entry.endReason?.rawValue),
        ]
    }

    /// Every value is an address, a number, a date or a fixed word: none needs CSV quoting.
    static func csvLine(_ sessionID: Int64, _ entry: LegalEntry) -> String {
        fields(sessionID, entry).map { $0.1 ?? "" }.joined(separator: ",")
    }

    /// Same values; none holds a character JSON would need to escape.
    static func jsonObject(_ sessionID: Int64, _ entry: LegalEntry) -> String {
        "{" + fields(sessionID, entry).map { name, value in
            "\"\(name)\": " + (value.map { name == "session_id" || name.hasPrefix("port_") ? $0 : "\"\($0)\"" } ?? "null")
        }.joined(separator: ", ") + "}"
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
