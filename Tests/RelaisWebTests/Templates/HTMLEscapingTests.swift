import Testing
@testable import RelaisWeb

@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveCharacters() {
        var output = "x"
        HTMLEscaping.append(#"a & b < c > d " e ' f"#, to: &output)
        #expect(output == "xa &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func leavesOtherTextAsItIs() {
        var output = ""
        HTMLEscaping.append("Médiathèque – ✓ 🙂 e\u{301}", to: &output)
        #expect(output == "Médiathèque – ✓ 🙂 e\u{301}")
    }

    @Test func escapesAtBothEndsAndNextToNonASCII() {
        var output = ""
        HTMLEscaping.append("<é&ü>", to: &output)
        #expect(output == "&lt;é&amp;ü&gt;")
        var empty = ""
        HTMLEscaping.append("", to: &empty)
        #expect(empty == "")
    }

    @Test func bytesMatchTheString() {
        let text = "<a href='x?y=1&z=\"2\"'>café</a>"
        var string = ""
        HTMLEscaping.append(text, to: &string)
        var bytes: [UInt8] = [0x41]
        HTMLEscaping.append(text, to: &bytes)
        #expect(bytes == Array(("A" + string).utf8))
    }
}
