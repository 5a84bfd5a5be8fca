import FoundationEssentials
import Glibc
import RelaisCore
import RelaisTime
import Testing

/// The rules read from tzdata must give what the C library gives for the same zone. The C library keeps its
/// zone in the process environment (TZ), so all zones are checked one after another in a single test.
@Suite(.serialized) struct LibcAgreementTests {
    static let zones = ["Europe/Paris", "America/New_York", "Australia/Sydney", "Europe/Dublin", "America/Nuuk",
                        "Pacific/Chatham", "Africa/Casablanca", "Asia/Kolkata", "America/Sao_Paulo", "Indian/Reunion"]

    @Test func localTimeAgreesWithLocaltimeFrom2000To2040() throws {
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        for zone in Self.zones {
            let rules = try ZoneInfoDatabase().rules(named: zone)
            setenv("TZ", ":" + zone, 1)
            tzset()
            var mismatches: [String] = []
            func check(_ instant: Int64) {
                if let mismatch = compare(rules, instant) { mismatches.append(mismatch) }
            }
            // Every 3 h 7 min (drifting through all hours), plus each side of every change.
            let start: Int64 = 946_684_800, end: Int64 = 2_240_524_800   // 2000-01-01 … 2041-01-01
            var instant = start
            while instant < end {
                check(instant)
                instant += 11_220
            }
            var cursor = start
            var changes = 0
            while let next = rules.nextTransition(after: cursor), next.at < end {
                for delta: Int64 in [-3601, -1, 0, 1, 3600] { check(next.at + delta) }
                cursor = next.at
                changes += 1
            }
            #expect(mismatches.isEmpty, "\(zone): \(mismatches.prefix(5))")
            if zone == "Europe/Paris" { #expect(changes == 82) }  // two a year, 2000 to 2040
        }
    }

    @Test func wallTimesResolveAsMktimeDoes() throws {
        // For readings that happen once, local → instant agrees with mktime. Gaps and overlaps are ours to
        // define (mktime's choice there depends on tm_isdst), and are tested against fixed values elsewhere.
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let rules = try ZoneInfoDatabase().rules(named: "Europe/Paris")
        setenv("TZ", ":Europe/Paris", 1)
        tzset()
        var instant: Int64 = 946_684_800
        var checked = 0
        while instant < 2_240_524_800 {
            let wall = rules.localDateTime(at: Date(timeIntervalSince1970: Double(instant)))
            if case .unique(let resolved) = rules.resolve(wall) {
                var parts = tm()
                parts.tm_year = Int32(wall.date.year - 1900)
                parts.tm_mon = Int32(wall.date.month - 1)
                parts.tm_mday = Int32(wall.date.day)
                parts.tm_hour = Int32(wall.time.hour)
                parts.tm_min = Int32(wall.time.minute)
                parts.tm_sec = Int32(wall.time.second)
                parts.tm_isdst = -1
                #expect(Int64(mktime(&parts)) == Int64(resolved.timeIntervalSince1970), "\(wall)")
                checked += 1
            }
            instant += 86_400 * 3 + 3_917
        }
        #expect(checked > 4000)
    }

    /// Nil when both agree at `instant`, else what differs.
    func compare(_ rules: TimeZoneRules, _ instant: Int64) -> String? {
        var time = time_t(instant)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return "\(instant): localtime_r failed" }
        let type = rules.type(at: instant)
        let wall = rules.localDateTime(at: Date(timeIntervalSince1970: Double(instant)))
        let libc = (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                    Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        let ours = (wall.date.year, wall.date.month, wall.date.day, wall.time.hour, wall.time.minute, wall.time.second)
        let libcZone = String(cString: parts.tm_zone)
        guard libc == ours, Int(parts.tm_gmtoff) == type.utcOffset, (parts.tm_isdst > 0) == type.isDST,
              libcZone == type.abbreviation else {
            return "\(instant): libc \(libc) \(parts.tm_gmtoff) dst=\(parts.tm_isdst) \(libcZone); ours \(wall) \(type)"
        }
        return nil
    }
}
