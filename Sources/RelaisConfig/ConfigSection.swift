/// How one `[section]` of the file is read: its keys, the conversion of each, and the checks across keys.
///
/// A new section (legal log, keys, directory, outbox, collector…) is one `ConfigSection+Name.swift` file
/// declaring its reader, and one line in `ConfigSection.all`; the loader, the unknown-name suggestions and
/// `check-config` follow from that list.
struct ConfigSection: Sendable {
    /// The header, without brackets.
    let name: String
    /// Known keys, in the order of the example file.
    let keys: [String]
    /// Converts the section's keys into `config`; `directory` is the config file's folder, for relative paths.
    let read: @Sendable (_ config: inout RelaisConfig, _ reader: inout ConfigReader, _ directory: String) -> Void
    /// Checks across keys and risky values, once every section is read; reports errors or warnings.
    let check: @Sendable (_ config: RelaisConfig, _ reader: inout ConfigReader) -> Void

    init(name: String, keys: [String],
         read: @escaping @Sendable (_ config: inout RelaisConfig, _ reader: inout ConfigReader, _ directory: String) -> Void,
         check: @escaping @Sendable (_ config: RelaisConfig, _ reader: inout ConfigReader) -> Void = { _, _ in }) {
        self.name = name
        self.keys = keys
        self.read = read
        self.check = check
    }

    /// Every section relais knows, in the order of the example file.
    static let all: [ConfigSection] = [.site, .portal, .network, .session, .store, .control, .log, .staff, .nat, .legal, .notice, .consent, .consentPurpose, .kiosk, .push]
}
