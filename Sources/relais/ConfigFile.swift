import FoundationEssentials
import RelaisConfig
import RelaisCore

/// Reads the configuration file: the only place the program touches it.
enum ConfigFile {
    struct Unreadable: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): cannot read the configuration file: \(reason)" }
    }

    static func load(_ path: String) throws -> RelaisConfig {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let bytes: [UInt8]
        do {
            bytes = try StandardStreams.readFile(url.path)
        } catch {
            throw Unreadable(path: path, reason: error.description)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Unreadable(path: path, reason: "not UTF-8 text")
        }
        return try RelaisConfigLoader.load(
            fileName: url.lastPathComponent, text: text, directory: url.deletingLastPathComponent().path
        ).get()
    }
}
