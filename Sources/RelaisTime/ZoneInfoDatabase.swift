import Glibc
import RelaisCore

/// The system's tzdata zone files (Debian's tzdata package), read into `TimeZoneRules` without ICU or libc time.
public struct ZoneInfoDatabase: Sendable {
    public static let defaultDirectory = "/usr/share/zoneinfo"
    /// Zone files are a few kilobytes; anything far larger is not one.
    static let maximumFileSize = 1 << 20

    public let directory: String

    public init(directory: String = ZoneInfoDatabase.defaultDirectory) {
        self.directory = directory
    }

    /// The rules of the zone `name` ("Europe/Paris"), read from its TZif file.
    public func rules(named name: String) throws(TimeZoneError) -> TimeZoneRules {
        guard Self.isValidZoneName(name) else {
            throw TimeZoneError(.invalidName, zone: name,
                                "a zone name is like \"Europe/Paris\": letters, digits, \"_+-\", parts separated by \"/\"")
        }
        return try TZifParser.parse(try read("\(directory)/\(name)", zone: name), name: name)
    }

    /// A tzdata name: parts of `A-Z a-z 0-9 _ + -` separated by single slashes. No dots, so no `..`, and no
    /// leading slash, so the file is always inside the directory.
    public static func isValidZoneName(_ name: String) -> Bool {
        TimeZoneRules.isValidName(name)
    }

    private func read(_ path: String, zone: String) throws(TimeZoneError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno, zone: zone) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno, zone: zone) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw TimeZoneError(.unknownZone, zone: zone, "\(path) is not a zone file") }
        guard Int(status.st_size) <= Self.maximumFileSize else {
            throw TimeZoneError(.malformed, zone: zone, "\(path) is \(status.st_size) bytes, too large for a zone file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure(errno, zone: zone) }
            if count == 0 { break }  // Shrunk while reading: parse what is there; a short file fails as truncated.
            filled += count
        }
        return Array(bytes[..<filled])
    }

    private func failure(_ code: Int32, zone: String) -> TimeZoneError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR: return TimeZoneError(.unknownZone, zone: zone, "no zone file in \(directory) (\(reason))")
        default: return TimeZoneError(.unreadable, zone: zone, "cannot read the zone file in \(directory): \(reason)")
        }
    }
}
