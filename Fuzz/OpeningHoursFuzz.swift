import FoundationEssentials
import RelaisCore

/// libFuzzer entry: the `opening_hours` reader on any text, and, when it reads, the evaluation in Paris at a
/// few instants around both changes of 2026: a status's next change is later, and the status flips there.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpeningHours(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let hours: OpeningHours
    do {
        hours = try OpeningHours(parsing: text)
    } catch {
        guard error.column >= 1, error.column <= text.count + 1 else { fatalError("error column \(error.column) out of the text") }
        return 0
    }
    let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
    // 28 March 2026 23:30 UTC, 25 October 2026 00:30 UTC, 3 November 2026 09:00 UTC.
    for seconds in [1_774_740_600.0, 1_792_888_200.0, 1_793_696_400.0] {
        let now = Date(timeIntervalSince1970: seconds)
        let status = hours.status(at: now, in: paris)
        guard let change = status.nextChange else { continue }
        guard change > now else { fatalError("next change \(change) not after \(now) for \(text)") }
        guard hours.isOpen(at: change, in: paris) != status.isOpen else { fatalError("no change at \(change) for \(text)") }
    }
    return 0
}
