/// Any failure of the SQLite store, with a stable code for logs and scripts and a message for operators.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable across versions (logged as `db.error`).
    public enum Code: String, Sendable, Equatable {
        /// The directory meant to hold the database file does not exist.
        case directoryMissing = "directory-missing"
        /// SQLite could not open or create the file.
        case cannotOpen = "cannot-open"
        /// The disk (or the database's size limit) is full; the transaction was rolled back.
        case diskFull = "disk-full"
        /// The file or its directory cannot be written; the transaction was rolled back.
        case readOnly = "read-only"
        /// Another process held the database longer than the busy timeout.
        case busy
        /// A schema constraint rejected the write (the invariants are in the schema).
        case constraint
        /// The file is damaged or is not an SQLite database.
        case corrupt
        /// The operating system reported an I/O error.
        case io
        /// A stored row could not be read back as a domain value.
        case invalidRow = "invalid-row"
        /// The file was migrated by a newer relais.
        case schemaTooNew = "schema-too-new"
        /// A read-only opening found a schema that still needs migrations.
        case schemaTooOld = "schema-too-old"
        /// The calling task was cancelled before the operation ran (or, for a long job, before its
        /// next batch: the batches already committed stay).
        case cancelled
        /// The database was being closed: the operation did not run.
        case closed
        /// A legal log entry could not be sealed or opened (key missing from the ring, altered entry).
        case legalLog = "legal-log"
        /// Any other SQLite failure.
        case sqlite
    }

    public let code: Code
    /// French, for the operator; never contains a MAC or IP address.
    public let message: String
    /// SQLite's extended result code, when SQLite reported the failure.
    public let sqliteCode: Int32?

    public init(_ code: Code, _ message: String, sqliteCode: Int32? = nil) {
        self.code = code
        self.message = message
        self.sqliteCode = sqliteCode
    }

    public var description: String { "\(code.rawValue): \(message)" }

    static func invalidRow(_ column: String) -> StoreError {
        StoreError(.invalidRow, "Valeur illisible dans la colonne \(column).")
    }
}
