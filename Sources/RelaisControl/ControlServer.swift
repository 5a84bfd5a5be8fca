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
        writeTimeout: Duration = .seconds(30), maxConnections: Int = 8
    ) {
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
        guard pipe(&pipeEnds) == 0 else {
            let failure = errno
            listener.close()
            _ = unlink(socketPath)
            throw .system("pipe", failure, path: socketPath)
        }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
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
            for end in pipeEnds { _ = Glibc.close(end) }
            _ = unlink(socketPath)
            throw .system("pthread_create", EAGAIN, path: socketPath)
        }
        logger.notice("control socket listening", metadata: ["control.socket": "\(socketPath)"])
    }

    /// Stops accepting, removes the socket file and waits for the accept thread to end.
    /// Requests already being served finish on their own threads.
    public func stop() {
        guard let listening = running.withLock({ state -> Listening? in
            defer { state = nil }
            return state
        }) else { return }
        var byte: UInt8 = 1
        _ = write(listening.wake.write, &byte, 1)
        listening.finished.wait()
        listening.listener.close()
        _ = close(listening.wake.read)
        _ = close(listening.wake.write)
        // Only remove the file if it is still ours, not one a newer daemon created meanwhile.
        if ControlSocketFile.inode(at: socketPath) == listening.inode { _ = unlink(socketPath) }
        logger.notice("control socket closed")
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
            let ready = poll(&entries, nfds_t(entries.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                logger.error("control accept loop failed", metadata: ["control.errno": "\(errno)"])
                return
            }
            if entries[1].revents != 0 { return }
            while let connection = listening.listener.accept() {
                connections.dispatch(connection)
            }
            // Out of descriptors: back off instead of spinning on a listener that stays readable.
            if errno == EMFILE || errno == ENFILE || errno == ENOMEM {
                logger.error("control accept failed", metadata: ["control.errno": "\(errno)"])
                usleep(100_000)
            }
        }
    }
}
