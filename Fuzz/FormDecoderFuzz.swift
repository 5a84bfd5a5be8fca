import RelaisHTTP

/// libFuzzer entry: the form and query decoder on any bytes; what decodes must survive an encode/decode round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let fields = URLEncodedForm.decode(bytes) else { return 0 }
    for (name, value) in fields where !name.isEmpty {
        let line = Array((URLEncodedForm.encode(name) + "=" + URLEncodedForm.encode(value)).utf8)
        guard URLEncodedForm.decode(line) == [name: value] else { fatalError("form round trip lost \(name)") }
    }
    return 0
}
