import RelaisConfig

/// Loads `text` as `relais.toml` in /etc/relais and returns the issues (empty on success).
func configIssues(_ text: String, directory: String = "/etc/relais") -> [ConfigIssue] {
    switch RelaisConfigLoader.load(fileName: "relais.toml", text: text, directory: directory) {
    case .success: return []
    case .failure(let failure): return failure.issues
    }
}

/// Loads `text`, or nil when it has issues.
func loadedConfig(_ text: String, directory: String = "/etc/relais") -> RelaisConfig? {
    try? RelaisConfigLoader.load(fileName: "relais.toml", text: text, directory: directory).get()
}
