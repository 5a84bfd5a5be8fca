extension ConfigSection {
    /// `[kiosk]`: the hall screen's wifi name, refresh period and the address of the list of places.
    static let kiosk = ConfigSection(
        name: "kiosk",
        keys: ["ssid", "refresh_seconds", "places_url"],
        read: { config, reader, _ in
            reader.set(&config.kiosk.ssid, "kiosk", "ssid", ConfigValueRules.ssid)
            reader.set(&config.kiosk.refreshSeconds, "kiosk", "refresh_seconds", ConfigValueRules.integer(in: 10...3_600))
            reader.set(&config.kiosk.placesURL, "kiosk", "places_url", ConfigValueRules.webURL)
        })
}

extension ConfigValueRules {
    /// "" or a wifi network name: 1 to 32 bytes in UTF-8 (IEEE 802.11), no control characters.
    static func ssid(_ value: ConfigValue) throws(ValueRejection) -> String {
        let allowed = "\"\" or a network name of at most 32 bytes without control characters"
        let name = try text(value, expected: allowed)
        guard name.utf8.count <= 32 else { throw ValueRejection(problem: "is \(name.utf8.count) bytes long", allowed: allowed) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValueRejection(problem: "\(value.rendered) contains a control character", allowed: allowed)
        }
        return name
    }
}
