import RelaisConfig
import Testing

@Suite struct ConfigTOMLSubsetParserTests {
    @Test func readsSectionsKeysAndEveryValueKind() throws {
        let text = """
        # comment line
        [portal]   # trailing comment
        name = "Médiathèque \\"Jules Verne\\"\\n\\tA\\u00E9\\\\" # after
        port = 2_050
        negative = -12
        enabled = true
        disabled = false

        [network]
        empty = []
        list = [
            "192.0.2.1",   # first
            # a whole comment line
            "2001:db8::/32",
        ]
        inline = ["a", "b"]
        """
        let (document, errors) = TOMLSubsetParser.parse(text)
        #expect(errors.isEmpty)
        #expect(document.sections.map(\.name) == ["portal", "network"])
        #expect(document.entry("portal", "name")?.value == .string("Médiathèque \"Jules Verne\"\n\tAé\\"))
        #expect(document.entry("portal", "name")?.line == 3)
        #expect(document.entry("portal", "port")?.value == .integer(2050))
        #expect(document.entry("portal", "negative")?.value == .integer(-12))
        #expect(document.entry("portal", "enabled")?.value == .boolean(true))
        #expect(document.entry("portal", "disabled")?.value == .boolean(false))
        #expect(document.entry("network", "empty")?.value == .stringArray([]))
        #expect(document.entry("network", "list")?.value == .stringArray(["192.0.2.1", "2001:db8::/32"]))
        #expect(document.entry("network", "list")?.line == 11)
        #expect(document.entry("network", "inline")?.value == .stringArray(["a", "b"]))
        #expect(document.section("network")?.line == 9)
    }

    @Test func acceptsCRLFAndByteOrderMark() {
        let (document, errors) = TOMLSubsetParser.parse("\u{FEFF}[a]\r\nk = \"v\"\r\nn = 1\r\n")
        #expect(errors.isEmpty)
        #expect(document.entry("a", "k")?.value == .string("v"))
        #expect(document.entry("a", "n")?.line == 3)
    }

    @Test func keysBeforeAnyHeaderGoToTheUnnamedSection() {
        let (document, errors) = TOMLSubsetParser.parse("k = 1\n[a]\n")
        #expect(errors.isEmpty)
        #expect(document.entry("", "k")?.value == .integer(1))
    }

    @Test(arguments: [
        ("k = ", 1, "missing value"),
        ("k = nftables", 1, "must be in double quotes, e.g. \"nftables\""),
        ("k = \"open", 1, "unterminated string"),
        ("k = \"a\" b", 1, "unexpected text after the value"),
        ("k = 'x'", 1, "single-quoted strings are not supported"),
        ("k = \"\"\"x\"\"\"", 1, "multi-line strings"),
        ("k = \"\\x\"", 1, "unsupported escape \\x"),
        ("k = \"\\u12\"", 1, "four hexadecimal digits"),
        ("k = \"\\uD800\"", 1, "not a Unicode character"),
        ("k = \"a\u{01}\"", 1, "control characters"),
        ("k = 1.5", 1, "decimal numbers are not supported"),
        ("k = 0x10", 1, "only decimal integers"),
        ("k = 012", 1, "leading zeros"),
        ("k = 1__0", 1, "not a valid integer"),
        ("k = 99999999999999999999", 1, "too large"),
        ("k = tru", 1, "tru is not a value"),
        ("\n\nk = [\"a\", 1]", 3, "arrays may only hold strings"),
        ("k = [\"a\" \"b\"]", 1, "expected \",\" or \"]\""),
        ("\nk = [\n\"a\",\n", 2, "unclosed array"),
        ("[a\nk = 1", 1, "expected \"]\" to close"),
        ("[]", 1, "expected a section name"),
        ("[a.b]", 1, "dotted section names"),
        ("[[a]]", 1, "arrays of tables"),
        ("[a] x", 1, "unexpected text after the section header"),
        ("= 1", 1, "expected a key"),
        ("\"k\" = 1", 1, "quoted keys"),
        ("a.b = 1", 1, "dotted keys"),
        ("k 1", 1, "expected \"=\" after the key \"k\""),
        ("[a]\nk = 1\n\nk = 2", 4, "duplicate key \"k\" (already set on line 2)"),
        ("[a]\n[b]\n[a]", 3, "section [a] is already defined on line 1"),
    ])
    func reportsSyntaxErrorsWithLine(text: String, line: Int, message: String) {
        let errors = TOMLSubsetParser.parse(text).errors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.line == line)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
    }

    @Test func reportsEveryBadLineAndKeepsTheGoodOnes() {
        let text = """
        [a]
        one = oops
        two = 2
        three = [
            "x",
            4,
            "y",
        ]
        four = "4"
        five = 5 6
        """
        let (document, errors) = TOMLSubsetParser.parse(text)
        #expect(errors.map(\.line) == [2, 6, 10])
        #expect(document.entry("a", "two")?.value == .integer(2))
        #expect(document.entry("a", "four")?.value == .string("4"))
        #expect(document.entry("a", "three") == nil)
    }

    @Test func duplicateSectionStillChecksDuplicateKeys() {
        let (document, errors) = TOMLSubsetParser.parse("[a]\nk = 1\n[a]\nk = 2\nj = 3")
        #expect(errors.map(\.line) == [3, 4])
        #expect(document.entry("a", "k")?.value == .integer(1))
        #expect(document.entry("a", "j")?.value == .integer(3))
    }

    @Test func renderedValuesReadBackTheSame() {
        let values: [ConfigValue] = [.string("a\"b\\c\n\t\u{07}é"), .integer(-3), .boolean(true), .stringArray(["x", "y"])]
        for value in values {
            let reparsed = TOMLSubsetParser.parse("k = \(value.rendered)").document.entry("", "k")?.value
            #expect(reparsed == value)
        }
    }
}
