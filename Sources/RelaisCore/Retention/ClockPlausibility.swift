import struct FoundationEssentials.Date

/// Whether the wall clock can be trusted to date records and purge by age. A box without a battery-backed
/// clock boots in 1970 (or at the last saved time) until NTP sets it: in that window nothing is dated and
/// nothing is purged, or a year-old log would be kept forever and fresh rows could be dated decades back.
public struct ClockPlausibility: Sendable, Equatable {
    /// The date of this release: no correct clock reads earlier. Raise it at each release.
    public static let releaseFloor = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// The wall clock is plausible from this instant on.
    public let floor: Date

    /// The floor is the release date, or the latest time already recorded in the store if later: a clock
    /// reading before a row it wrote itself is certainly wrong.
    public init(latestRecorded: Date? = nil, releaseFloor: Date = ClockPlausibility.releaseFloor) {
        floor = max(releaseFloor, latestRecorded ?? releaseFloor)
    }

    public func isPlausible(_ now: Date) -> Bool { now >= floor }
}
