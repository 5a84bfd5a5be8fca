import COpenSSL
import RelaisCore

/// Unpredictable bytes from OpenSSL's CSPRNG (`RAND_bytes`).
public struct SystemRandomSource: RandomSource {
    public init() {}

    /// `count` bytes from `RAND_bytes`, or a typed error when OpenSSL cannot seed or generate.
    public func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let result = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard result == 1 else { throw CryptoError.fromQueue(code: "random", operation: "RAND_bytes") }
        return out
    }

    /// The protocol's non-throwing form. If `RAND_bytes` fails, the bytes come from the kernel's CSPRNG
    /// instead (`SystemRandomNumberGenerator`, getrandom(2) on Linux): never a zero or partial buffer.
    public func bytes(_ count: Int) -> [UInt8] {
        if let bytes = try? randomBytes(count) { return bytes }
        var generator = SystemRandomNumberGenerator()
        return (0..<max(0, count)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
