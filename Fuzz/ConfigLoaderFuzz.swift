import RelaisConfig

/// libFuzzer entry: the TOML-subset reader and the config loader on any text. The result is either a config
/// and no errors, or errors and no config; every issue names a line inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = RelaisConfigLoader.check(fileName: "relais.toml", text: text, directory: "/etc/relais")
    guard (result.config == nil) == !result.errors.isEmpty else { fatalError("config and errors disagree") }
    let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    for issue in result.errors + result.warnings where issue.line < 0 || issue.line > lineCount {
        fatalError("issue on line \(issue.line) of a \(lineCount)-line file")
    }
    return 0
}
