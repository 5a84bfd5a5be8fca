import CSQLite
import FoundationEssentials
import Glibc
import RelaisCore
import RelaisCrypto
import RelaisStore

// Benchmark support, not an operator tool (not installed): fills a relais database with legal log
// entries sealed by the real code (LegalEntry's encoding, KeyRingSealer's AES-256-GCM under the key
// directory's ring), as fast as one transaction allows, for the export and purge benchmarks.
//
// Usage: relais-bench-legal-fill DATABASE KEY_DIRECTORY COUNT FIRST_START_EPOCH LAST_START_EPOCH
// Entries start evenly between the two epochs (seconds) and last 40 minutes; their session ids start
// at 10^12 (or after the highest already there), far above any session the daemon admits (the log's
// session_id is unique), so that the tool can run several times on one database.

let arguments = CommandLine.arguments
guard arguments.count == 6, let count = Int(arguments[3]), let first = Double(arguments[4]), let last = Double(arguments[5]),
      count > 0, first <= last else {
    print("usage: relais-bench-legal-fill DATABASE KEY_DIRECTORY COUNT FIRST_START_EPOCH LAST_START_EPOCH")
    exit(2)
}
let databasePath = arguments[1]

/// Stops with the message; a benchmark either fills exactly what it was asked or fails.
func fail(_ message: String) -> Never {
    print("relais-bench-legal-fill: \(message)")
    exit(1)
}

let sealer: KeyRingSealer
do {
    sealer = KeyRingSealer(ring: try KeyDirectory(path: arguments[2]).legalKeyRing())
    // Creates and migrates the file as the daemon would, then lets it go.
    _ = try AppDatabase.open(path: databasePath, readers: 1, legalSealer: sealer)
} catch {
    fail("\(error)")
}

var handle: OpaquePointer?
guard sqlite3_open_v2(databasePath, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db = handle else {
    fail("cannot open \(databasePath)")
}
func exec(_ sql: String) {
    guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { fail("\(sql): \(String(cString: sqlite3_errmsg(db)))") }
}
exec("PRAGMA busy_timeout = 10000")
exec("BEGIN IMMEDIATE")
var maximum: OpaquePointer?
guard sqlite3_prepare_v2(db, "SELECT max(session_id) FROM legal_entry", -1, &maximum, nil) == SQLITE_OK,
      sqlite3_step(maximum) == SQLITE_ROW else { fail("max: \(String(cString: sqlite3_errmsg(db)))") }
let firstSessionID = max(1_000_000_000_000, sqlite3_column_int64(maximum, 0) + 1)
sqlite3_finalize(maximum)
var statement: OpaquePointer?
guard sqlite3_prepare_v2(db, """
    INSERT INTO legal_entry (session_id, key_id, start_hour, end_hour, nonce, sealed) VALUES (?, ?, ?, ?, ?, ?)
    """, -1, &statement, nil) == SQLITE_OK, let insert = statement else {
    fail("prepare: \(String(cString: sqlite3_errmsg(db)))")
}
let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
let publicAddress = IPAddress("198.51.100.1")
let reasons: [SessionEndReason] = [.idle, .sessionLimit, .visitorLogout]
let step = count > 1 ? (last - first) / Double(count - 1) : 0
for n in 0..<count {
    let start = Date(timeIntervalSince1970: first + Double(n) * step)
    let block = UInt16(1024 + (n % 252) * 256)
    let entry = LegalEntry(
        mac: MACAddress(rawValue: 0x0200_0000_0000 | UInt64(n)), privateIPv4: IPAddress("10.99.\(n / 250 % 250).\(n % 250 + 2)"),
        ipv6Addresses: n % 3 == 0 ? [IPAddress("2001:db8:1::\(String(n % 65_536, radix: 16))")!] : [],
        publicAddress: publicAddress, portRange: block...(block + 255), natMode: .portBlocks,
        startedAt: start, endedAt: start.addingTimeInterval(2_400), endReason: reasons[n % reasons.count])
    let sessionID = firstSessionID + Int64(n)
    let sealed: SealedLegalEntry
    do {
        sealed = try sealer.seal(entry.encoded(), header: LegalSealHeader(sessionID: sessionID))
    } catch {
        fail("seal: \(error)")
    }
    sqlite3_bind_int64(insert, 1, sessionID)
    sqlite3_bind_int64(insert, 2, Int64(sealed.keyID))
    sqlite3_bind_int64(insert, 3, LegalHourBucket.of(entry.startedAt))
    sqlite3_bind_int64(insert, 4, LegalHourBucket.of(entry.endedAt!))
    _ = sealed.nonce.withUnsafeBytes { sqlite3_bind_blob(insert, 5, $0.baseAddress, Int32($0.count), transient) }
    _ = sealed.ciphertext.withUnsafeBytes { sqlite3_bind_blob(insert, 6, $0.baseAddress, Int32($0.count), transient) }
    guard sqlite3_step(insert) == SQLITE_DONE else { fail("insert \(n): \(String(cString: sqlite3_errmsg(db)))") }
    sqlite3_reset(insert)
}
sqlite3_finalize(insert)
exec("COMMIT")
sqlite3_close(db)
print("\(count) sealed entries written")
