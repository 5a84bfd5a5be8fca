/// Which operating system or program sent a connectivity check ("captive-portal probe").
public enum ProbeKind: String, Sendable, Equatable, CaseIterable {
    /// Android and Chrome OS (`generate_204`), Huawei's variant included.
    case android
    /// iOS and macOS (`hotspot-detect.html`, `library/test/success.html`).
    case apple
    /// Windows NCSI (`connecttest.txt`, `ncsi.txt`, and its sign-in `redirect`).
    case windows
    /// Firefox's own captive-portal detection.
    case firefox
    /// NetworkManager on Linux desktops (Ubuntu, GNOME, Debian, Arch).
    case networkManager = "network-manager"
    /// Not a known probe: a page the visitor asked for.
    case unknown
}
