import RelaisCore
@testable import RelaisCrypto
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

    /// Nonces drawn across several refills of the buffer, and larger than it, never repeat.
    @Test func noBytesAreHandedOutTwiceAcrossRefills() throws {
        let source = SystemRandomSource()
        let draws = 3 * SystemRandomSource.bufferSize / 16 + 7
        let nonces = try (0..<draws).map { _ in try source.randomBytes(16) }
        #expect(Set(nonces).count == draws)
        let large = try source.randomBytes(SystemRandomSource.bufferSize + 1)
        #expect(large.count == SystemRandomSource.bufferSize + 1)
        #expect(Set(large).count > 200)
    }

    @Test func concurrentDrawsAreDistinct() async throws {
        let source = SystemRandomSource()
        let nonces = await withTaskGroup(of: [[UInt8]].self) { group in
            for _ in 0..<4 { group.addTask { (0..<500).map { _ in source.bytes(16) } } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(nonces.count == 2000)
        #expect(Set(nonces).count == 2000)
    }

    @Test func usableThroughTheCoreProtocol() {
        let source: any RandomSource = SystemRandomSource()
        #expect(source.bytes(16).count == 16)
    }
}
