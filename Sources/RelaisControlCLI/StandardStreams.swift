import Glibc

/// The process's standard streams and whole-file reads, straight over the file descriptors.
public enum StandardStreams {
    /// Writes `text` to standard error, retrying short writes.
    public static func writeError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Everything standard input holds until end of file.
    public static func readInput() throws(ReadFailure) -> [UInt8] {
        try readAll(STDIN_FILENO)
    }

    /// The whole content of the file at `path`.
    public static func readFile(_ path: String) throws(ReadFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(errorNumber: errno) }
        defer { close(descriptor) }
        return try readAll(descriptor)
    }

    private static func readAll(_ descriptor: Int32) throws(ReadFailure) -> [UInt8] {
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ReadFailure(errorNumber: errno) }
            if count == 0 { return content }
            content += chunk[..<count]
        }
    }

    /// A failed read, with the system's description of why.
    public struct ReadFailure: Error, CustomStringConvertible {
        public let errorNumber: Int32
        public var description: String { String(cString: strerror(errorNumber)) }
    }
}
