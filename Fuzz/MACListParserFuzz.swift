import RelaisCore

/// libFuzzer entry: the `relais ctl` MAC list reader on any text; every address comes back once, and each
/// refused line names a line of the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMACListParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = MACListParser.parse(text)
    guard Set(parsed.macs).count == parsed.macs.count else { fatalError("duplicate address") }
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    for refused in parsed.invalid where refused.line < 1 || refused.line > lineCount || refused.text.isEmpty {
        fatalError("refused line \(refused.line) out of \(lineCount)")
    }
    return 0
}
