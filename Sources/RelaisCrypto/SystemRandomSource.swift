import COpenSSL
import RelaisCore
import Synchronization

/// Unpredictable bytes from OpenSSL's CSPRNG (`RAND_bytes`), drawn 4 KiB at a time.
///
/// Every portal page needs a 16-byte nonce; one `RAND_bytes` call per page cost 1.25 µs (locks, a
/// `getpid` fork check, the DRBG's own reseeding logic) against a copy under a lock here. Each byte
/// handed out is taken from the buffer and never handed out again. Requests larger than the buffer
/// go straight to `RAND_bytes`.
public final class SystemRandomSource: RandomSource {
    static let bufferSize = 4096
    private let buffer = Mutex(Pool())

    private struct Pool {
        var bytes: [UInt8] = []
        /// Bytes before this index were already handed out.
        var next = 0
    }

    public init() {}

    /// `count` bytes, or a typed error when OpenSSL cannot seed or generate.
    public func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard count <= Self.bufferSize else { return try Self.generate(count) }
        return try buffer.withLock { (pool: inout Pool) throws(CryptoError) -> [UInt8] in
            if pool.bytes.count - pool.next < count {
                pool.bytes = try Self.generate(Self.bufferSize)
                pool.next = 0
            }
            let taken = Array(pool.bytes[pool.next..<pool.next + count])
            // Overwrite what was handed out, so the buffer never holds a copy of a nonce in use.
            for index in pool.next..<pool.next + count { pool.bytes[index] = 0 }
            pool.next += count
            return taken
        }
    }

    /// The protocol's non-throwing form. If `RAND_bytes` fails, the bytes come from the kernel's CSPRNG
    /// instead (`SystemRandomNumberGenerator`, getrandom(2) on Linux): never a zero or partial buffer.
    public func bytes(_ count: Int) -> [UInt8] {
        if let bytes = try? randomBytes(count) { return bytes }
        var generator = SystemRandomNumberGenerator()
        return (0..<max(0, count)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    private static func generate(_ count: Int) throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let result = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard result == 1 else { throw CryptoError.fromQueue(code: "random", operation: "RAND_bytes") }
        return out
    }
}
