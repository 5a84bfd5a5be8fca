import RelaisCore

/// libFuzzer entry: the netlink set-dump reader on any buffer, as if the kernel had sent it.
/// It either reads a batch or throws a `FirewallError`; it never traps or reads out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSetDump(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The sequence number rides in the first message's header (offset 8) in real answers; use it so the
    // fuzzer reaches the element parsing instead of skipping every message as someone else's.
    let sequence = bytes.count >= 12 ? bytes[8..<12].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } : 1
    _ = try? NFTablesSetDumpMessages.read(bytes[...], sequence: sequence)
    return 0
}
