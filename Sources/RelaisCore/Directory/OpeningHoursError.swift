/// Why an `opening_hours` text could not be read: where (a column, from 1) and what, in French for the
/// operator who fixes the file.
public struct OpeningHoursError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The column (character position from 1) where reading stopped.
    public let column: Int
    public let message: String

    public init(column: Int, _ message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "colonne \(column) : \(message)" }
}
