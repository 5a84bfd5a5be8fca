import RelaisCrypto
import Testing

@Suite struct OpenSSLConstantTimeTests {
    @Test func comparesLengthAndContents() {
        #expect(OpenSSLConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!OpenSSLConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!OpenSSLConstantTime.equal([1, 2, 3], [1, 2]))
        #expect(OpenSSLConstantTime.equal([], []))
        #expect(!OpenSSLConstantTime.equal([], [0]))
    }
}
