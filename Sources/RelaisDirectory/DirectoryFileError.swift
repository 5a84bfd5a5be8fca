/// A file the directory import cannot read at all (as opposed to rows it refuses, `ImportProblem`).
public struct DirectoryFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// No header line: the file is empty.
        case empty
        /// The bytes are not UTF-8 (the schema's encoding).
        case notUTF8
        /// A quoted field is never closed; `line` is where its record starts.
        case unterminatedQuote(line: Int)
        /// Required columns are missing from the header.
        case missingColumns([String])
        /// A column appears twice in the header.
        case duplicateColumn(String)
    }

    public let code: Code

    public init(_ code: Code) { self.code = code }

    /// French, for the operator.
    public var description: String {
        switch code {
        case .empty: "fichier vide : aucune ligne d'en-tête"
        case .notUTF8: "le fichier n'est pas encodé en UTF-8"
        case .unterminatedQuote(let line): "ligne \(line) : guillemet ouvert jamais refermé"
        case .missingColumns(let names): "colonnes obligatoires absentes de l'en-tête : \(names.joined(separator: ", "))"
        case .duplicateColumn(let name): "colonne « \(name) » présente deux fois dans l'en-tête"
        }
    }
}
