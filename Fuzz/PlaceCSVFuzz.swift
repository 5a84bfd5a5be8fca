import RelaisCore
import RelaisDirectory

/// libFuzzer entry: the directory CSV reader on any bytes; every row is either a place or has problems,
/// and every problem names a line of the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaceCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let result = try? PlaceCSVReader.read(bytes) else { return 0 }
    guard result.places.count + result.invalidRowCount == result.rowCount else {
        fatalError("\(result.places.count) places + \(result.invalidRowCount) invalid rows != \(result.rowCount) rows")
    }
    let lines = bytes.filter { $0 == 0x0A }.count + 1
    for problem in result.problems where problem.line < 2 || problem.line > lines {
        fatalError("problem on line \(problem.line) of \(lines)")
    }
    return 0
}
