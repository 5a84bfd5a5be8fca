#if canImport(Glibc)
import Glibc
#endif

/// A Unix stream socket descriptor. Its system calls go through `SystemCall.check`, so each failure
/// becomes a `ControlError` or an outcome value, and EINTR is handled in that one place.
struct UnixSocket: Sendable {
    let descriptor: Int32
    let path: String

    /// How reading one newline-terminated message ended.
    enum ReadOutcome: Equatable {
        /// The bytes before the newline (or before end of stream).
        case message([UInt8])
        case tooLarge
        case timedOut
        /// The peer closed without sending anything.
        case closedEmpty
        case failed(Int32)
    }

    /// A new stream socket for `path`; nothing is bound or connected yet.
    static func make(path: String) throws(ControlError) -> UnixSocket {
        _ = try address(for: path)
        do {
            let descriptor = try SystemCall.check("socket") {
                socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            }
            return UnixSocket(descriptor: descriptor, path: path)
        } catch {
            throw .system(error, path: path)
        }
    }

    static func address(for path: String) throws(ControlError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity, !bytes.contains(0) else {
            throw ControlError(.invalidSocketPath, "chemin de socket invalide (1 à \(capacity - 1) octets) : \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return address
    }

    func bind() throws(ControlError) {
        var address = try Self.address(for: path)
        do {
            try SystemCall.check("bind") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                    }
                }
            }
        } catch {
            throw .system(error, path: path)
        }
    }

    func listen(backlog: Int32) throws(ControlError) {
        do {
            try SystemCall.check("listen") { Glibc.listen(descriptor, backlog) }
        } catch {
            throw .system(error, path: path)
        }
    }

    /// Connects, waiting at most `timeoutSeconds` when the daemon's backlog is full.
    func connect(timeoutSeconds: Double) throws(ControlError) {
        var address = try Self.address(for: path)
        setTimeout(SO_SNDTIMEO, seconds: timeoutSeconds)
        // A Unix socket connect interrupted by a signal carries on in the kernel: retrying it is safe here.
        let failure: Int32
        do {
            try SystemCall.check("connect") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                    }
                }
            }
            return
        } catch {
            failure = error.errno
        }
        switch failure {
        case ENOENT, ECONNREFUSED, ENOTDIR:
            throw ControlError(
                .daemonNotRunning, "pas de démon à l'écoute sur \(path) : le démon relais ne tourne pas ?",
                systemError: failure)
        case EACCES, EPERM:
            throw ControlError(
                .permissionDenied, "accès refusé à \(path) : lancer en root ou depuis un membre du groupe autorisé",
                systemError: failure)
        case EAGAIN, EINPROGRESS, ETIMEDOUT:
            throw ControlError(.timeout, "le démon relais ne répond pas (file d'attente pleine)", systemError: failure)
        default:
            throw .system("connect", failure, path: path)
        }
    }

    /// The next pending connection, non-blocking; nil when none is waiting.
    func accept() throws(SystemError) -> UnixSocket? {
        let client: Int32
        do {
            // accept4 needs _GNU_SOURCE, which Swift's Glibc module does not define.
            client = try SystemCall.check("accept") { Glibc.accept(descriptor, nil, nil) }
        } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
            return nil
        }
        let connection = UnixSocket(descriptor: client, path: path)
        // Without these the descriptor would leak into children, or block the connection thread forever.
        do {
            try SystemCall.check("fcntl") { fcntl(client, F_SETFD, FD_CLOEXEC) }
            try connection.makeNonBlocking()
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    func setNonBlocking() {
        // Only fails on a descriptor that is not open, which the next call on it reports.
        _ = try? makeNonBlocking()
    }

    func makeNonBlocking() throws(SystemError) {
        let flags = try SystemCall.check("fcntl") { fcntl(descriptor, F_GETFL) }
        try SystemCall.check("fcntl") { fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) }
    }

    private func setTimeout(_ option: Int32, seconds: Double) {
        let whole = Int(seconds)
        var value = timeval(tv_sec: whole, tv_usec: Int((seconds - Double(whole)) * 1_000_000))
        // Best effort: without it connect waits for the kernel's own timeout, which poll bounds anyway.
        _ = try? SystemCall.check("setsockopt") {
            setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    /// Waits until the socket is ready for `events` or `deadline` passes; false on timeout.
    func wait(for events: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { return false }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var entry = pollfd(fd: descriptor, events: Int16(events), revents: 0)
            do {
                if try SystemCall.check("poll", { poll(&entry, 1, milliseconds) }) > 0 { return true }
            } catch {
                return true  // let the following read or send report it
            }
        }
    }

    /// Reads one newline-terminated message of at most `limit` bytes before `deadline`.
    func readMessage(limit: Int, until deadline: ContinuousClock.Instant) -> ReadOutcome {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count: Int
            do {
                count = try SystemCall.check("recv") { chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) } }
            } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
                if !wait(for: Int32(POLLIN), until: deadline) { return .timedOut }
                continue
            } catch {
                return .failed(error.errno)
            }
            if count == 0 { return received.isEmpty ? .closedEmpty : .message(received) }
            let start = received.count
            received.append(contentsOf: chunk[0..<count])
            if let newline = received[start...].firstIndex(of: UInt8(ascii: "\n")) {
                return newline > limit ? .tooLarge : .message(Array(received[..<newline]))
            }
            if received.count > limit { return .tooLarge }
        }
    }

    /// Sends all of `bytes` before `deadline`; returns the `errno` that stopped it, or nil.
    @discardableResult
    func writeAll(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            do {
                offset += try SystemCall.check("send") {
                    bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
                }
            } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
                if !wait(for: Int32(POLLOUT), until: deadline) { return ETIMEDOUT }
            } catch {
                return error.errno
            }
        }
        return nil
    }

    /// Process, user and group of the connected peer, from the kernel (`SO_PEERCRED`).
    func peerCredentials() -> PeerCredentials? {
        var credentials = PeerCredentials(processID: 0, userID: 0, groupID: 0)
        var length = socklen_t(MemoryLayout<PeerCredentials>.size)
        guard (try? SystemCall.check("getsockopt", { getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) })) != nil
        else { return nil }
        return credentials
    }

    /// Same layout as the kernel's `struct ucred`, which Swift's Glibc module hides behind _GNU_SOURCE.
    struct PeerCredentials: Equatable {
        var processID: pid_t
        var userID: uid_t
        var groupID: gid_t
    }

    /// Tells the peer nothing more will be sent, keeping the read side open.
    func finishWriting() {
        // Fails only when the peer is already gone, which the following read reports.
        _ = try? SystemCall.check("shutdown") { shutdown(descriptor, Int32(SHUT_WR)) }
    }

    func close() {
        // Nothing useful can be done about a failed close of a socket at this point.
        _ = try? SystemCall.close(descriptor)
    }
}
