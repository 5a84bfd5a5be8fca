import Dispatch
import FoundationEssentials
import Glibc
import Logging
import Synchronization

/// Listens on the local control socket and answers `relais ctl`, one request per connection.
///
/// Accepting runs on a dedicated thread and each connection on its own short-lived thread, so a slow
/// or silent client never holds up the others nor the Swift cooperative pool.
public final class ControlServer: Sendable {
    public let socketPath: String
    /// Group allowed besides root and the daemon's user; nil or empty for none.
    public let group: String?
    private let connections: ControlConnectionHandler
    private let logger: Logger
    private let running = Mutex<Listening?>(nil)
    /// Longest wait in `stop` for requests being served (a batch of thousands takes a few seconds).
    private let stopTimeout: Duration

    /// What exists while the server runs.
    private struct Listening: Sendable {
        let listener: UnixSocket
        let wake: (read: Int32, write: Int32)
        let finished: DispatchSemaphore
        let inode: UInt
    }

    public init(
        socketPath: String, group: String? = nil, router: ControlRouter, logger: Logger,
        maxRequestBytes: Int = 4 << 20, readTimeout: Duration = .seconds(5),
        writeTimeout: Duration = .seconds(30), maxConnections: Int = 8, stopTimeout: Duration = .seconds(30)
    ) {
        self.stopTimeout = stopTimeout
        self.socketPath = socketPath
        self.group = group.flatMap { $0.isEmpty ? nil : $0 }
        self.logger = logger
        let groupID = self.group.flatMap(ControlAccessPolicy.groupID(named:))
        self.connections = ControlConnectionHandler(
            router: router, policy: ControlAccessPolicy(daemonUserID: getuid(), groupID: groupID),
            logger: logger, maxRequestBytes: maxRequestBytes, readTimeout: readTimeout,
            writeTimeout: writeTimeout, maxConnections: maxConnections)
    }

    deinit {
        stop()
    }

    /// Creates the socket (replacing a stale one) and starts accepting connections.
    public func start() throws(ControlError) {
        guard running.withLock({ $0 == nil }) else { return }
        try ControlSocketFile.removeIfStale(at: socketPath, logger: logger)
        ControlSocketFile.createParentDirectory(of: socketPath)
        let listener = try UnixSocket.make(path: socketPath)
        do {
            try bindRestricted(listener)
            try listener.listen(backlog: 32)
        } catch {
            listener.close()
            throw error
        }
        listener.setNonBlocking()
        var pipeEnds: [Int32] = [0, 0]
        do {
            try SystemCall.check("pipe") { pipe(&pipeEnds) }
            for end in pipeEnds { try SystemCall.check("fcntl") { fcntl(end, F_SETFD, FD_CLOEXEC) } }
        } catch {
            listener.close()
            for end in pipeEnds where end > 0 { _ = try? SystemCall.close(end) }
            _ = unlink(socketPath)
            throw .system(error, path: socketPath)
        }
        let listening = Listening(
            listener: listener, wake: (pipeEnds[0], pipeEnds[1]), finished: DispatchSemaphore(value: 0),
            inode: ControlSocketFile.inode(at: socketPath) ?? 0)
        running.withLock { $0 = listening }
        let started = DetachedThread.start(name: "relais-ctl-accept") { [connections, logger] in
            Self.acceptLoop(listening, connections: connections, logger: logger)
            listening.finished.signal()
        }
        guard started else {
            running.withLock { $0 = nil }
            listening.listener.close()
            for end in pipeEnds { _ = try? SystemCall.close(end) }
            _ = unlink(socketPath)
            throw .system("pthread_create", EAGAIN, path: socketPath)
        }
        logger.notice("control socket listening", metadata: ["control.socket": "\(socketPath)"])
    }

    /// Stops accepting, removes the socket file, then waits (at most `stopTimeout`) for the requests being
    /// served to be answered, so the caller can remove the firewall after them and not under them.
    /// Returns false when some were still running at the deadline.
    @discardableResult
    public func stop() -> Bool {
        guard let listening = running.withLock({ state -> Listening? in
            defer { state = nil }
            return state
        }) else { return true }
        var byte: UInt8 = 1
        // The pipe is empty and ours: this write cannot block, and EINTR is retried in the funnel.
        _ = try? SystemCall.check("write") { write(listening.wake.write, &byte, 1) }
        listening.finished.wait()
        listening.listener.close()
        _ = try? SystemCall.close(listening.wake.read)
        _ = try? SystemCall.close(listening.wake.write)
        // Only remove the file if it is still ours, not one a newer daemon created meanwhile.
        if ControlSocketFile.inode(at: socketPath) == listening.inode { _ = unlink(socketPath) }
        let drained = connections.waitUntilIdle(timeout: stopTimeout)
        if drained {
            logger.notice("control socket closed")
        } else {
            logger.warning("control socket closed with requests still running", metadata: ["control.wait": "\(stopTimeout)"])
        }
        return drained
    }

    /// Binds, then restricts the file before `listen`, so no one can connect in between.
    private func bindRestricted(_ listener: UnixSocket) throws(ControlError) {
        do {
            try listener.bind()
        } catch let error where error.systemError == EADDRINUSE {
            throw ControlError(.alreadyRunning, "un autre démon relais écoute déjà sur \(socketPath)", systemError: EADDRINUSE)
        }
        do {
            try ControlSocketFile.restrict(socketPath, group: group, logger: logger)
        } catch {
            _ = unlink(socketPath)
            throw error
        }
    }

    private static func acceptLoop(_ listening: Listening, connections: ControlConnectionHandler, logger: Logger) {
        var entries = [
            pollfd(fd: listening.listener.descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: listening.wake.read, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            do {
                try SystemCall.check("poll") { poll(&entries, nfds_t(entries.count), -1) }
            } catch {
                logger.error("control accept loop failed", metadata: ["control.errno": "\(error.errno)"])
                return
            }
            if entries[1].revents != 0 { return }
            acceptPending(on: listening.listener, connections: connections, logger: logger)
        }
    }

    /// Serves every connection waiting on `listener`.
    private static func acceptPending(on listener: UnixSocket, connections: ControlConnectionHandler, logger: Logger) {
        while true {
            do {
                guard let connection = try listener.accept() else { return }
                connections.dispatch(connection)
            } catch where [EMFILE, ENFILE, ENOMEM, ENOBUFS].contains(error.errno) {
                // Out of descriptors: back off instead of spinning on a listener that stays readable.
                logger.error("control accept failed", metadata: ["control.errno": "\(error.errno)"])
                usleep(100_000)
                return
            } catch {
                // The client gave up between connect and accept (ECONNABORTED…): take the next one.
                logger.debug("control accept skipped", metadata: ["control.errno": "\(error.errno)"])
            }
        }
    }
}
