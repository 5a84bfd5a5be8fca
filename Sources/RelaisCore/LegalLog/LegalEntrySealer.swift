/// Seals log entries for storage and opens them again (AES-256-GCM under the key ring in production).
///
/// The store holds only what this returns; a database copied alone gives away no entry.
public protocol LegalEntrySealer: Sendable {
    /// The key new entries are sealed under.
    var currentKeyID: UInt32 { get }
    /// Seals `plaintext`, binding it to `header` (authenticated, stored in clear beside it).
    func seal(_ plaintext: [UInt8], header: LegalSealHeader) throws -> SealedLegalEntry
    /// The plaintext of an entry sealed by ``seal(_:header:)`` with the same header; throws when the key
    /// is unknown or anything was altered.
    func open(_ sealed: SealedLegalEntry, header: LegalSealHeader) throws -> [UInt8]
}

/// The clear part a sealed value is bound to: moving a sealed entry to another row, or under another
/// key id, makes it fail to open.
public struct LegalSealHeader: Sendable, Equatable {
    /// What is sealed, so that an audit's selection can never pass for an entry.
    let label: String
    /// The row the value belongs to: the session id of an entry, the start of an export for an audit.
    let rowKey: Int64

    /// The header of the entry of session `sessionID`.
    public init(sessionID: Int64) {
        label = "relais-legal-v1"
        rowKey = sessionID
    }

    /// The header of an export audit's selection, keyed by the export's start (milliseconds since 1970).
    public static func auditSelection(startedAt milliseconds: Int64) -> LegalSealHeader {
        LegalSealHeader(label: "relais-legal-audit-v1", rowKey: milliseconds)
    }

    private init(label: String, rowKey: Int64) {
        self.label = label
        self.rowKey = rowKey
    }

    /// The additional authenticated data: the label, the key id and the row key, in network byte order.
    public func authenticatedData(keyID: UInt32) -> [UInt8] {
        Array(label.utf8) + (0..<4).map { UInt8(truncatingIfNeeded: keyID >> (24 - 8 * UInt32($0))) }
            + LegalEntry.bigEndian(rowKey)
    }
}

/// One sealed entry as stored: the key that sealed it, its nonce, and the ciphertext with its tag.
public struct SealedLegalEntry: Sendable, Equatable {
    public var keyID: UInt32
    public var nonce: [UInt8]
    /// Ciphertext followed by the 16-byte authentication tag.
    public var ciphertext: [UInt8]

    public init(keyID: UInt32, nonce: [UInt8], ciphertext: [UInt8]) {
        self.keyID = keyID
        self.nonce = nonce
        self.ciphertext = ciphertext
    }
}
