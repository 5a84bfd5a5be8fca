/// One problem found in a configuration file: where it is, which key, what is wrong and what would be accepted.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    /// Whether the file is refused (`error`) or accepted with a risk the operator should know (`warning`).
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    /// The file name as the operator knows it, e.g. `relais.toml`.
    public var file: String
    /// 1-based line of the offending text; 0 when the risk comes from a default the file leaves unset.
    public var line: Int
    /// `section.key`, the section alone for section problems, or nil for syntax errors.
    public var key: String?
    /// What is wrong, e.g. `"iptables" is not allowed`.
    public var problem: String
    /// What would be accepted, e.g. `one of: nftables, none`; nil when there is nothing useful to list.
    public var allowed: String?
    public var severity: Severity

    public init(file: String, line: Int, key: String?, problem: String, allowed: String? = nil, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
        self.allowed = allowed
        self.severity = severity
    }

    /// `relais.toml:12: network.firewall: "iptables" is not allowed; expected one of: nftables, none`;
    /// warnings read `relais.toml:3: warning: portal.listen_address: …`.
    public var description: String {
        var text = "\(file):\(line): "
        if severity == .warning { text += "warning: " }
        if let key { text += "\(key): " }
        text += problem
        if let allowed { text += severity == .warning ? "; \(allowed)" : "; expected \(allowed)" }
        return text
    }
}

/// Every problem found in one configuration file, in line order; the failure of `RelaisConfigLoader`.
public struct ConfigIssues: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ConfigIssue]

    public init(_ issues: [ConfigIssue]) {
        self.issues = issues
    }

    /// One issue per line, ready to print for the operator.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
