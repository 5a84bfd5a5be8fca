import Foundation
import Synchronization

/// A network namespace made for one test: commands run in it with `ip netns exec`, Swift code on a thread
/// that has joined it. `withNew` deletes it afterwards, even when the test fails.
public struct NetworkNamespace: Sendable {
    public let name: String

    /// Namespaces need root; CI runs as root, a developer's unprivileged run skips these tests.
    public static let isAvailable: Bool = {
        let root = geteuid() == 0
        if !root { print("not root: network namespace tests skipped") }
        return root
    }()

    public static func withNew<T>(_ body: (NetworkNamespace) throws -> T) throws -> T {
        let namespace = NetworkNamespace(name: "relais-nft-" + String(UInt32.random(in: .min ... .max), radix: 16))
        _ = try Shell.run(["ip", "netns", "add", namespace.name])
        defer { _ = try? Shell.run(["ip", "netns", "delete", namespace.name]) }
        // Foundation's Process hangs in a namespace whose loopback is down.
        try namespace.exec("ip", "link", "set", "lo", "up")
        return try body(namespace)
    }

    /// The same for an async test body.
    public static func withNew<T>(_ body: (NetworkNamespace) async throws -> T) async throws -> T {
        let namespace = NetworkNamespace(name: "relais-ns-" + String(UInt32.random(in: .min ... .max), radix: 16))
        _ = try Shell.run(["ip", "netns", "add", namespace.name])
        defer { _ = try? Shell.run(["ip", "netns", "delete", namespace.name]) }
        try namespace.exec("ip", "link", "set", "lo", "up")
        return try await body(namespace)
    }

    /// Runs a command inside the namespace; its standard output, or an error when it fails.
    @discardableResult
    public func exec(_ arguments: String..., input: String? = nil) throws -> String {
        try Shell.run(["ip", "netns", "exec", name] + arguments, input: input).output
    }

    /// Runs `body` on a new thread that has joined the namespace: sockets it opens belong to the namespace.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let path = "/run/netns/\(name)"
        let thread = Thread {
            let outcome = Result { () throws -> T in
                try Self.join(path)
                return try body()
            }
            result.withLock { $0 = outcome }
            done.signal()
        }
        thread.start()
        done.wait()
        return try result.withLock { $0! }.get()
    }

    /// `setns` and `CLONE_NEWNET` (0x40000000) are not exported by Swift's Glibc module: find the function in the C library.
    private static func join(_ path: String) throws {
        typealias SetNS = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setns") else { throw NamespaceError.failed("no setns") }
        let setns = unsafeBitCast(symbol, to: SetNS.self)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw NamespaceError.failed("open \(path)") }
        defer { close(fd) }
        guard setns(fd, 0x4000_0000) == 0 else { throw NamespaceError.failed("setns \(path)") }
    }
}

public enum NamespaceError: Error, CustomStringConvertible {
    case failed(String)
    public var description: String {
        switch self { case .failed(let text): text }
    }
}

