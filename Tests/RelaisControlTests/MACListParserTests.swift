import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct MACListParserTests {
    @Test func readsOnePerLineSkippingBlanksCommentsAndDuplicates() {
        let text = """
            # postes de la salle informatique
            aa:bb:cc:dd:ee:01

              AA-BB-CC-DD-EE-02   # poste 2
            aa:bb:cc:dd:ee:01
            \taa:bb:cc:dd:ee:03\r
            """
        let parsed = MACListParser.parse(text)
        #expect(parsed.macs.map(\.description) == ["aa:bb:cc:dd:ee:01", "aa:bb:cc:dd:ee:02", "aa:bb:cc:dd:ee:03"])
        #expect(parsed.invalid.isEmpty)
    }

    @Test func reportsInvalidLinesWithTheirNumbers() {
        let parsed = MACListParser.parse("aa:bb:cc:dd:ee:01\n\nnot-a-mac\naa:bb:cc:dd:ee\n# ok\naa:bb:cc:dd:ee:zz # x\n")
        #expect(parsed.macs.count == 1)
        #expect(parsed.invalid.map(\.line) == [3, 4, 6])
        #expect(parsed.invalid.map(\.text) == ["not-a-mac", "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:zz"])
    }

    @Test func windowsLineEndingsCountAsOneLine() {
        let parsed = MACListParser.parse("aa:bb:cc:dd:ee:01\r\nbad\r\n")
        #expect(parsed.macs.count == 1)
        #expect(parsed.invalid.map(\.line) == [2])
    }

    @Test func emptyInputGivesNothing() {
        let parsed = MACListParser.parse("\n  \n# rien\n")
        #expect(parsed.macs.isEmpty)
        #expect(parsed.invalid.isEmpty)
    }

    @Test func tenThousandLinesKeepTheirOrder() {
        let expected = macs(10_000)
        let parsed = MACListParser.parse(expected.map(\.description).joined(separator: "\n"))
        #expect(parsed.macs == expected)
    }
}
