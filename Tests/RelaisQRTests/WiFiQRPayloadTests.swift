import RelaisQR
import Testing

/// The `WIFI:` text of an open network, with the reserved characters escaped.
@Suite struct WiFiQRPayloadTests {
    @Test func plainName() {
        #expect(WiFiQRPayload.openNetwork(ssid: "Mairie") == "WIFI:S:Mairie;T:nopass;;")
    }

    @Test func everyReservedCharacterIsEscaped() {
        #expect(WiFiQRPayload.openNetwork(ssid: #"a\b;c,d:e"f"#) == #"WIFI:S:a\\b\;c\,d\:e\"f;T:nopass;;"#)
    }

    @Test func accentsAndSpacesStayAsTheyAre() {
        #expect(WiFiQRPayload.escape("Médiathèque de Loudun") == "Médiathèque de Loudun")
    }
}
