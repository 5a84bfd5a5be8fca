import struct FoundationEssentials.Date

/// The two clocks the application reads. Wall time is what gets recorded (it may jump: NTP at boot,
/// an operator's `date`); monotonic time, which never jumps and keeps counting through a suspend
/// (CLOCK_BOOTTIME), is what durations and limits are measured on.
public protocol Clocks: Sendable {
    /// The current instant in civil (UTC) time.
    func wallNow() -> Date
    /// Time elapsed since an arbitrary fixed origin (the boot), never going backwards.
    func monotonicNow() -> Duration
}
