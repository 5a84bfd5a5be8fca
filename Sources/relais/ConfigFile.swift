import Foundation
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
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try RelaisConfigLoader.load(
            fileName: url.lastPathComponent, text: text, directory: url.deletingLastPathComponent().path
        ).get()
    }
}
