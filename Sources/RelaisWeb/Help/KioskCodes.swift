import Logging
import RelaisQR

/// The kiosk's two QR codes, drawn once at start-up in each language (their texts come from the
/// config): join the wifi, and open the list of places.
struct KioskCodes: Sendable {
    struct Codes: Sendable {
        /// Nil when no SSID is configured.
        var wifi: TrustedHTML?
        var places: TrustedHTML?
    }

    /// The address the places code opens.
    let placesURL: String
    private let byLanguage: [PortalLanguage: Codes]

    init(kiosk: KioskSettings?, portalURL: String, messages: PortalMessages, logger: Logger) {
        let placesURL = kiosk.map { $0.placesURL.isEmpty ? portalURL + "aide/lieux" : $0.placesURL } ?? portalURL + "aide/lieux"
        self.placesURL = placesURL
        var byLanguage: [PortalLanguage: Codes] = [:]
        guard let kiosk else {
            self.byLanguage = byLanguage
            return
        }
        for language in PortalLanguage.allCases {
            let texts = messages[language]
            var codes = Codes()
            if !kiosk.ssid.isEmpty {
                codes.wifi = Self.draw(WiFiQRPayload.openNetwork(ssid: kiosk.ssid),
                                       label: texts.format("kiosk.wifi_caption", ["ssid": kiosk.ssid]), logger: logger)
            }
            codes.places = Self.draw(placesURL, label: texts["kiosk.places_code"], logger: logger)
            byLanguage[language] = codes
        }
        self.byLanguage = byLanguage
    }

    subscript(language: PortalLanguage) -> Codes {
        byLanguage[language] ?? Codes()
    }

    private static func draw(_ text: String, label: String, logger: Logger) -> TrustedHTML? {
        do {
            // The SVG escapes its label and holds nothing else from outside.
            return TrustedHTML(generatedMarkup: try QRMatrix.encode(text).svg(label: label))
        } catch {
            logger.error("kiosk QR code not drawn", metadata: ["kiosk.error": "\(error)"])
            return nil
        }
    }
}
