import RelaisCore

/// Reads a CSV file of the national schema into places, checking every row and every field: a row with a
/// problem is left out and each of its problems reported with its line and column name.
public enum PlaceCSVReader {
    /// Throws only when the file cannot be read at all (not UTF-8, no header, required columns missing).
    public static func read(_ bytes: [UInt8]) throws(DirectoryFileError) -> DirectoryImport {
        let records = try CSVRecords.split(bytes)
        guard let header = records.first else { throw DirectoryFileError(.empty) }
        var columns: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingSpaces
            guard columns[name] == nil else { throw DirectoryFileError(.duplicateColumn(name)) }
            columns[name] = index
        }
        let missing = PlaceSchema.required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw DirectoryFileError(.missingColumns(missing)) }

        var places: [Place] = []
        var problems: [ImportProblem] = []
        var firstLineOfID: [String: Int] = [:]
        places.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            var row = PlaceRow(record: record, columns: columns, headerCount: header.fields.count)
            let place = row.place()
            if let id = place?.id {
                if let first = firstLineOfID[id] {
                    row.report("id", "identifiant « \(id) » déjà utilisé ligne \(first)")
                } else {
                    firstLineOfID[id] = record.line
                }
            }
            if row.problems.isEmpty, let place {
                places.append(place)
            } else {
                problems += row.problems
            }
        }
        return DirectoryImport(places: places, problems: problems, rowCount: records.count - 1)
    }
}
