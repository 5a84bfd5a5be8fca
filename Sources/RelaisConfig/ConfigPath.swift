/// File paths in the configuration: absolute, or relative to the configuration file's own directory.
///
/// Relative paths let the development config point into the repository (`../.relais-dev/relais.sqlite`)
/// without knowing where it was cloned; the loader stays pure because the directory is passed in.
public enum ConfigPath {
    /// `path` made absolute against `directory` and tidied (no `.`, `..` or repeated `/`);
    /// nil when `path` is relative and `directory` is not absolute.
    public static func resolve(_ path: String, against directory: String) -> String? {
        if path.hasPrefix("/") { return normalize(path) }
        guard directory.hasPrefix("/") else { return nil }
        return normalize(directory + "/" + path)
    }

    /// Removes `.`, empty components and `..` (never above `/`), without touching the file system.
    public static func normalize(_ absolutePath: String) -> String {
        var components: [Substring] = []
        for component in absolutePath.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}

extension ConfigValueRules {
    /// A path to a file or folder; `maxBytes` guards Unix socket paths (108-byte `sun_path`, NUL included).
    static func path(relativeTo directory: String, isDirectory: Bool = false, maxBytes: Int = 4095) -> ConfigRule<String> {
        { value throws(ValueRejection) in
            let allowed = "an absolute path, or a path relative to the configuration file's folder"
            let written = try text(value, expected: allowed)
            guard !written.isEmpty else { throw ValueRejection(problem: "must not be empty", allowed: allowed) }
            guard !written.hasPrefix("~") else {
                throw ValueRejection(problem: "\(value.rendered): \"~\" is not expanded; write the full path", allowed: allowed)
            }
            guard !written.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw ValueRejection(problem: "\(value.rendered) contains a control character", allowed: allowed)
            }
            guard isDirectory || !written.hasSuffix("/") else {
                throw ValueRejection(problem: "\(value.rendered) names a folder, not a file", allowed: allowed)
            }
            guard let resolved = ConfigPath.resolve(written, against: directory) else {
                throw ValueRejection(problem: "\(value.rendered) is relative but the configuration file's folder is unknown",
                                     allowed: "an absolute path")
            }
            guard resolved.utf8.count <= maxBytes else {
                throw ValueRejection(problem: "\"\(resolved)\" is \(resolved.utf8.count) bytes long",
                                     allowed: "a path of at most \(maxBytes) bytes")
            }
            return resolved
        }
    }
}
