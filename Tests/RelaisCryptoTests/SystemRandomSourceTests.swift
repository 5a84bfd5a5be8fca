import RelaisCore
import RelaisCrypto
import Testing

@Suite struct SystemRandomSourceTests {
    @Test func bytesHaveTheRightLengthAndDiffer() throws {
        let source = SystemRandomSource()
        for count in [1, 16, 32, 1000] {
            #expect(try source.randomBytes(count).count == count)
            #expect(source.bytes(count).count == count)
        }
        #expect(try source.randomBytes(0).isEmpty)
        let first = source.bytes(32)
        let second = source.bytes(32)
        #expect(first != second)
        #expect(first != [UInt8](repeating: 0, count: 32))
        // 1,000 bytes from a CSPRNG cover far more than 100 distinct values (expected ≈ 250).
        #expect(Set(try source.randomBytes(1000)).count > 100)
    }

    @Test func usableThroughTheCoreProtocol() {
        let source: any RandomSource = SystemRandomSource()
        #expect(source.bytes(16).count == 16)
    }
}
