import RelaisCore
import Testing

@Suite struct CanonicalJSONTests {
    @Test func keysSortedNoWhitespace() {
        let value = CanonicalJSON.object(["b": .int(1), "a": .array([.null, .bool(true), .int(-3)]), "B": .string("x")])
        #expect(String(decoding: value.bytes, as: UTF8.self) == #"{"B":"x","a":[null,true,-3],"b":1}"#)
    }

    @Test func stringsEscapedAsRFC8785() {
        let value = CanonicalJSON.string("a\"b\\c\n\t\u{01}é")
        #expect(String(decoding: value.bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\n\\t\\u0001é\"")
    }

    @Test func sameValueSameBytes() {
        let members = (0..<50).map { ("k\($0)", CanonicalJSON.int($0)) }
        let one = CanonicalJSON.object(Dictionary(uniqueKeysWithValues: members))
        let two = CanonicalJSON.object(Dictionary(uniqueKeysWithValues: members.reversed()))
        #expect(one.bytes == two.bytes)
    }
}
