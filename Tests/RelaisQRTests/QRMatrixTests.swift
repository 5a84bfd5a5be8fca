import RelaisQR
import RelaisTesting
import Testing

/// libqrencode through `QRMatrix.encode`, decoded back by zbarimg to the exact text.
@Suite struct QRMatrixTests {
    @Test(arguments: [
        "http://192.0.2.1:2050/aide/lieux",
        "https://www.mairie-chauvigny.example/aide/lieux?lang=fr&tri=distance",
        WiFiQRPayload.openNetwork(ssid: "Mairie-Wifi-Public"),
        WiFiQRPayload.openNetwork(ssid: #"Médiathèque "Le Relais"; 1:2,3\4"#),
        "Texte accentué : ça, là, où, œuvre — 🙂",
    ])
    func decodesBackToTheExactText(text: String) throws {
        let matrix = try QRMatrix.encode(text)
        #expect(try QRCodeReader.decode(svg: matrix.svg(label: "QR")) == text)
    }

    @Test func picksTheSmallestSymbolAtLevelM() throws {
        // 20 bytes in 8-bit mode fit version 1 (21 modules) at level L but not at M (14 bytes): version 2.
        #expect(try QRMatrix.encode("0123456789abcdefghij").width == 25)
        #expect(try QRMatrix.encode("0123456789abcd").width == 21)
    }

    @Test func finderPatternsAreInTheirCorners() throws {
        let matrix = try QRMatrix.encode("relais")
        let last = matrix.width - 1
        for (row, column) in [(0, 0), (0, last), (last, 0), (6, 6), (0, last - 6), (last - 6, 0)] {
            #expect(matrix[row, column], "dark module at \(row),\(column)")
        }
        // The separator beside the top-left finder is light.
        #expect(!matrix[7, 7])
    }

    @Test func refusesEmptyAndOversizedTexts() {
        #expect(throws: QRError(.empty, "nothing to encode")) { try QRMatrix.encode("") }
        // Version 40 at level M holds 2,331 bytes in 8-bit mode.
        #expect { try QRMatrix.encode(String(repeating: "x", count: 2_400)) } throws: { ($0 as? QRError)?.code == .tooLong }
        #expect((try? QRMatrix.encode(String(repeating: "x", count: 2_331)))?.width == 177)
    }
}
