import struct FoundationEssentials.Date

/// What a requisition asks for: the entries of sessions that overlap a period, narrowed by one criterion.
public struct LegalExportSelection: Sendable, Equatable {
    /// The period, both ends included.
    public var from: Date
    public var to: Date
    public var criterion: Criterion

    /// One thing the authority knows about the device or its traffic.
    public enum Criterion: Sendable, Equatable {
        /// Every entry of the period.
        case all
        case mac(MACAddress)
        /// One of the device's own addresses: its private IPv4 or an IPv6 address it used.
        case ip(IPAddress)
        /// A source port seen on the box's public address: the device whose block held it.
        case publicPort(UInt16)
    }

    public init(from: Date, to: Date, criterion: Criterion = .all) {
        self.from = from
        self.to = to
        self.criterion = criterion
    }

    /// True when the entry's session overlaps the period (a session still open runs to now) and meets
    /// the criterion.
    public func matches(_ entry: LegalEntry) -> Bool {
        guard entry.startedAt <= to, (entry.endedAt ?? .distantFuture) >= from else { return false }
        switch criterion {
        case .all: return true
        case .mac(let mac): return entry.mac == mac
        case .ip(let address):
            let wanted = address.normalized
            return entry.privateIPv4 == wanted || entry.ipv6Addresses.contains(wanted)
        case .publicPort(let port): return entry.portRange?.contains(port) ?? false
        }
    }

    /// The hour buckets the period spans: the store keeps only these in clear, to pick the rows to open.
    public var hourBuckets: ClosedRange<Int64> { LegalHourBucket.of(from)...max(LegalHourBucket.of(from), LegalHourBucket.of(to)) }

    /// A stable text of the selection, for the export's audit entry (it names the criterion, as the
    /// requisition does).
    public var auditDescription: String {
        let period = "from=\(from.legalMilliseconds) to=\(to.legalMilliseconds)"
        switch criterion {
        case .all: return period
        case .mac(let mac): return period + " mac=\(mac)"
        case .ip(let address): return period + " ip=\(address.normalized)"
        case .publicPort(let port): return period + " public-port=\(port)"
        }
    }
}

/// The hour since 1970 (UTC) an instant falls in: the only time the log keeps in clear.
///
/// An hour is coarse enough that it says nothing a session's anonymous row does not already say, and
/// fine enough that a one-hour requisition opens only that hour's entries, and the purge finds the
/// expired ones with an index instead of decrypting the year.
public enum LegalHourBucket {
    public static func of(_ date: Date) -> Int64 {
        let milliseconds = date.legalMilliseconds
        return milliseconds >= 0 ? milliseconds / 3_600_000 : (milliseconds - 3_599_999) / 3_600_000
    }
}
