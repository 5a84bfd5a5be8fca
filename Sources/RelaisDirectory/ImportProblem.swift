import RelaisCore

/// One invalid value of one row: where, which field, what is wrong, and the place it belongs to.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The line the row starts on (the header is line 1).
    public let line: Int
    /// The schema's column name (`horaires`, `code_postal`…).
    public let field: String
    /// French, for the operator.
    public let message: String
    /// The row's `nom`, when it has one.
    public let placeName: String?

    public init(line: Int, field: String, message: String, placeName: String?) {
        self.line = line
        self.field = field
        self.message = message
        self.placeName = placeName
    }

    /// `ligne 12, horaires : colonne 7 : … (lieu « Médiathèque »)`.
    public var description: String {
        "ligne \(line), \(field) : \(message)" + (placeName.map { " (lieu « \($0) »)" } ?? "")
    }
}

/// What reading a directory file gave: the valid places and every problem of the invalid rows.
public struct DirectoryImport: Sendable {
    /// The valid rows, in file order.
    public let places: [Place]
    /// Every problem found, by line then column order.
    public let problems: [ImportProblem]
    /// Rows read (valid and invalid).
    public let rowCount: Int

    public init(places: [Place], problems: [ImportProblem], rowCount: Int) {
        self.places = places
        self.problems = problems
        self.rowCount = rowCount
    }

    /// Rows with at least one problem.
    public var invalidRowCount: Int { Set(problems.map(\.line)).count }
}
