import RelaisConfig
import RelaisCore

/// The `[notice]` every accepted file needs, appended (after every line a test counts) to a file that has none.
let completeNotice = """

    [notice]
    controller_name = "Commune de Test"
    dpo_contact = "dpo@test.example"
    """

/// `text` with a complete `[notice]` when it has none, so that tests of other sections see only their own issues.
func withNotice(_ text: String) -> String {
    text.contains("[notice]") ? text : text + completeNotice
}

/// Loads `text` as `relais.toml` in /etc/relais and returns the issues (empty on success).
func configIssues(_ text: String, directory: String = "/etc/relais") -> [ConfigIssue] {
    switch RelaisConfigLoader.load(fileName: "relais.toml", text: withNotice(text), directory: directory) {
    case .success: return []
    case .failure(let failure): return failure.issues
    }
}

/// Loads `text`, or nil when it has issues; a notice added by `withNotice` is set back to the default,
/// so that results compare with `RelaisConfig.defaults`.
func loadedConfig(_ text: String, directory: String = "/etc/relais") -> RelaisConfig? {
    guard var config = try? RelaisConfigLoader.load(fileName: "relais.toml", text: withNotice(text), directory: directory).get() else {
        return nil
    }
    if !text.contains("[notice]") { config.notice = RelaisConfig.defaults.notice }
    return config
}
