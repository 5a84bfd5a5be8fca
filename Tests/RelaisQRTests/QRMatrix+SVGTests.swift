import RelaisQR
import Testing

/// The SVG drawing: one path, the quiet zone, an escaped accessible name.
@Suite struct QRMatrixSVGTests {
    let matrix = QRMatrix(width: 3, modules: [
        true, true, false,
        false, false, false,
        true, false, true,
    ])

    @Test func drawsOneRectanglePerRunInsideTheQuietZone() {
        let svg = matrix.svg(label: "Code")
        #expect(svg.contains(#"viewBox="0 0 11 11""#))
        #expect(svg.contains(#"d="M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z""#))
        #expect(svg.components(separatedBy: "<path").count == 2, "one path")
    }

    @Test func labelIsEscapedAndGivenTwice() {
        let svg = matrix.svg(label: #"Wifi "A&B" <x>"#)
        #expect(svg.contains(#"aria-label="Wifi &quot;A&amp;B&quot; &lt;x&gt;""#))
        #expect(svg.contains("<title>Wifi &quot;A&amp;B&quot; &lt;x&gt;</title>"))
        #expect(svg.contains(#"role="img""#))
    }

    @Test func aRealCodeStaysSmall() throws {
        let svg = try QRMatrix.encode(WiFiQRPayload.openNetwork(ssid: "Mairie-Wifi-Public")).svg(label: "Wifi")
        #expect(svg.utf8.count < 4_000)
    }
}
