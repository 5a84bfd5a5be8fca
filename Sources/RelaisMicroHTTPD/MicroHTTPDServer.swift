import CMicroHTTPD
import Logging
import RelaisHTTP
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on libmicrohttpd that hands every request to an `HTTPResponder`.
///
/// MHD's thread pool answers `immediateResponse(to:)` itself; a request that needs slow work is
/// suspended, answered by `respond(to:)` in a task, then resumed, so no MHD thread ever waits.
public final class MicroHTTPDServer: Sendable {
    private enum Lifecycle {
        case idle
        case running(Daemon)
        case stopped
    }

    /// The running daemon. Unchecked because MHD's daemon handle is used only under `lifecycle`'s lock.
    private struct Daemon: @unchecked Sendable {
        let pointer: OpaquePointer
        let port: Int
        let core: Unmanaged<ServerCore>
        let reaper: PeriodicThread
    }

    private let core: ServerCore
    private let lifecycle = Mutex(Lifecycle.idle)

    public init(configuration: Configuration, responder: any HTTPResponder, logger: Logger) {
        self.core = ServerCore(configuration: configuration, responder: responder, logger: logger)
    }

    deinit {
        stop()
    }

    /// Binds and starts serving; throws if the configuration is unusable or MHD refuses to start.
    /// A server starts once: after `stop()`, make a new one.
    public func start() throws(MicroHTTPDError) {
        let configuration = core.configuration
        try configuration.validate()
        var address = try ListenAddress(configuration.listenAddress, port: UInt16(configuration.port))
        let budget = ConnectionBudget.derive(
            total: configuration.connectionLimit, perAddress: configuration.perIPConnectionLimit,
            descriptorLimit: ConnectionBudget.descriptorLimit())
        if budget.total < configuration.connectionLimit {
            core.logger.notice("connection limit lowered to fit the descriptor limit (LimitNOFILE)", metadata: [
                "http.connections.configured": "\(configuration.connectionLimit)", "http.connections.limit": "\(budget.total)",
            ])
        }
        try lifecycle.withLock { (state: inout Lifecycle) throws(MicroHTTPDError) in
            guard case .idle = state else {
                throw MicroHTTPDError(code: .invalidState, message: "a server starts once; it was already started or stopped")
            }
            let retained = Unmanaged.passRetained(core)
            let started = withUnsafeMutablePointer(to: &address) { addressPointer in
                launch(configuration, budget: budget, address: addressPointer, cls: retained.toOpaque())
            }
            let daemon: OpaquePointer
            do throws(MicroHTTPDError) {
                daemon = try MicroHTTPDError.check(
                    started, .startFailed,
                    "MHD_start_daemon (\(core.lastMHDMessage.withLock { $0 } ?? "no message from libmicrohttpd"))")
            } catch {
                retained.release()
                throw error
            }
            let core = self.core
            let reaper = PeriodicThread(interval: .milliseconds(100)) {
                let cut = core.deadlines.reap()
                if cut > 0 {
                    for _ in 0..<cut { core.refusals.record("deadline") }
                }
                core.refusals.flush()
            }
            guard reaper.start() else {
                MHD_stop_daemon(daemon)
                retained.release()
                throw MicroHTTPDError(code: .startFailed, message: "the request deadline thread could not start")
            }
            state = .running(Daemon(pointer: daemon, port: Int(relais_mhd_bound_port(daemon)), core: retained, reaper: reaper))
            core.serving.store(true, ordering: .relaxed)
        }
    }

    /// Request contexts alive in this process, all servers together: requests being received or
    /// answered. Back to zero once every connection is closed, whatever the clients sent.
    public static var requestsInMemory: Int { RequestContext.alive.load(ordering: .relaxed) }

    /// The TCP port actually bound (useful with port 0); 0 when not running.
    public var boundPort: Int {
        lifecycle.withLock { state in
            if case .running(let daemon) = state { return daemon.port }
            return 0
        }
    }

    /// Stops accepting, answers requests still waiting on `respond(to:)` with 503 (their late
    /// results are dropped), then stops MHD. Idempotent; safe to call from any thread but an MHD one.
    public func stop() {
        let running = lifecycle.withLock { state -> Daemon? in
            defer { state = .stopped }
            if case .running(let daemon) = state { return daemon }
            return nil
        }
        guard let running else { return }
        running.reaper.stop()
        let listenSocket = MHD_quiesce_daemon(running.pointer)
        let answered = core.suspended.drain(answering: ServerCore.stopping)
        if !answered.isEmpty {
            core.logger.notice("stopping with requests in flight", metadata: ["http.inflight": "\(answered.count)"])
            awaitDelivery(of: answered)
        }
        MHD_stop_daemon(running.pointer)
        core.refusals.flush(force: true)
        // After quiescing, the listen socket is ours to close (MHD_stop_daemon leaves it open).
        if listenSocket >= 0, close(listenSocket) != 0 {
            core.logger.warning("listen socket close failed", metadata: ["error.errno": "\(errno)"])
        }
        running.core.release()
    }

    /// Gives MHD's threads a moment to send the 503s: MHD_stop_daemon would close those connections
    /// unanswered. Only MHD threads are waited on, never the tasks, so this cannot deadlock.
    private func awaitDelivery(of slots: [ResponseSlot]) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(1))
        while clock.now < deadline, !slots.allSatisfy(\.isFinished) {
            usleep(1000)
        }
    }

    private func launch(
        _ configuration: Configuration, budget: ConnectionBudget, address: UnsafeMutablePointer<ListenAddress>,
        cls: UnsafeMutableRawPointer
    ) -> OpaquePointer? {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.pointee.isUnspecifiedIPv6 {
            flags |= MHD_USE_DUAL_STACK.rawValue
        } else if address.pointee.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }
        if configuration.tls != nil { flags |= MHD_USE_TLS.rawValue }
        // GnuTLS copies the PEM texts while the daemon starts; they need not outlive this call.
        return withOptionalCString(configuration.tls?.certificatePEM) { certificate in
            withOptionalCString(configuration.tls?.keyPEM) { key in
                address.pointee.withSockaddr { sockaddr in
                    var options: [MHD_OptionItem] = [
                        // The logger goes first so that start-up messages reach it.
                        relais_mhd_option_logger(MHDCallbacks.log, cls),
                        MHD_OptionItem(option: .CONNECTION_LIMIT, value: budget.total, ptr_value: nil),
                        MHD_OptionItem(option: .PER_IP_CONNECTION_LIMIT, value: budget.perAddress, ptr_value: nil),
                        MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeoutSeconds, ptr_value: nil),
                        MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryBytes, ptr_value: nil),
                        // No LISTENING_ADDRESS_REUSE: MHD's default (SO_REUSEADDR) allows a quick restart, while a
                        // second daemon on the same port fails to bind instead of silently sharing it (SO_REUSEPORT).
                        MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: sockaddr),
                        relais_mhd_option_uri_log(MHDCallbacks.uriLog, cls),
                        relais_mhd_option_completed(MHDCallbacks.completed, cls),
                        relais_mhd_option_notify_connection(MHDCallbacks.notifyConnection, cls),
                    ]
                    // A pool of one is no pool: MHD warns and serves the connections on its polling thread.
                    if configuration.threadPoolSize > 1 {
                        options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threadPoolSize, ptr_value: nil))
                    }
                    if let certificate, let key {
                        options.append(MHD_OptionItem(option: .HTTPS_MEM_CERT, value: 0, ptr_value: UnsafeMutableRawPointer(mutating: certificate)))
                        options.append(MHD_OptionItem(option: .HTTPS_MEM_KEY, value: 0, ptr_value: UnsafeMutableRawPointer(mutating: key)))
                    }
                    options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
                    return relais_mhd_start(flags, UInt16(configuration.port), MHDCallbacks.access, cls, &options)
                }
            }
        }
    }
}

/// `body` with a C string for `text`, or with nil.
private func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
