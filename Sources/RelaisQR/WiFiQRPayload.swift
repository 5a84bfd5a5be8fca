/// The text of a QR code that joins a wifi network, in the `WIFI:` format phones read
/// (ZXing's « Wi-Fi network config »): `WIFI:S:<ssid>;T:nopass;;` for an open network.
public enum WiFiQRPayload {
    /// The payload for the open network `ssid`; `\ ; , : "` in the name are escaped with a backslash.
    public static func openNetwork(ssid: String) -> String {
        "WIFI:S:\(escape(ssid));T:nopass;;"
    }

    /// Backslash before each character the format reserves.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\;,:\"".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
