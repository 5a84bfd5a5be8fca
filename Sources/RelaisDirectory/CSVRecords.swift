/// One record of a CSV file: its fields and the line it starts on (from 1).
struct CSVRecord: Sendable {
    let line: Int
    let fields: [String]
}

/// Splits RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, line breaks and doubled
/// quotes; CRLF or LF line ends; a UTF-8 byte order mark at the start is skipped. Blank lines are dropped.
enum CSVRecords {
    static func split(_ bytes: [UInt8]) throws(DirectoryFileError) -> [CSVRecord] {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard String(validating: bytes[index...], as: UTF8.self) != nil else { throw DirectoryFileError(.notUTF8) }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            // A blank line is one empty unquoted field: not a record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case comma:
                endField()
            case cr where index < bytes.count && bytes[index] == lf:
                break
            case lf:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if quoted { throw DirectoryFileError(.unterminatedQuote(line: recordLine)) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
