import Glibc
import Synchronization

/// Threads of their own, each owning one connection, that run the jobs of one queue.
///
/// SQLite's calls block (fsync at every commit, busy waits on another process's lock): on these threads
/// they never hold a thread of Swift's cooperative pool, whose few threads (one per core) run the portal.
final class ConnectionThreads: Sendable {
    let queue = ConnectionJobQueue()
    private let name: String
    private let threads = Mutex<[pthread_t]>([])

    /// `name` names the threads in `top -H` and core dumps (at most 15 bytes with the number).
    init(name: String) {
        self.name = name
    }

    /// Starts one more thread, which takes `connection` for itself: from now on only that thread uses it,
    /// and closes it when the queue is closed.
    func start(_ connection: sending SQLiteConnection) throws(StoreError) {
        try threads.withLock { threads throws(StoreError) in
            let context = ThreadContext(connection: connection, queue: queue, name: "\(name)\(threads.count)")
            let unmanaged = Unmanaged.passRetained(context)
            var thread = pthread_t()
            let code = pthread_create(&thread, nil, { runConnectionThread($0) }, unmanaged.toOpaque())
            guard code == 0 else {
                unmanaged.release()
                throw StoreError(.cannotOpen, "Impossible de démarrer un fil d'exécution pour la base de données (errno \(code)).")
            }
            threads.append(thread)
        }
    }

    /// Number of threads started.
    var count: Int { threads.withLock { $0.count } }

    /// Closes the queue and waits until every thread has run the jobs already queued and closed its
    /// connection. From one of these threads (the last reference dropped inside a job), it does not wait
    /// for itself: that thread stops once the job returns.
    func stop() {
        queue.close()
        let threads = self.threads.withLock { threads in
            defer { threads.removeAll() }
            return threads
        }
        for thread in threads {
            if pthread_equal(thread, pthread_self()) != 0 {
                pthread_detach(thread)
            } else {
                pthread_join(thread, nil)
            }
        }
    }
}

/// What a connection thread is given at its start. `@unchecked Sendable`: the connection is handed over
/// (`sending`) to exactly one thread, which alone uses it from then on.
private final class ThreadContext: @unchecked Sendable {
    let connection: SQLiteConnection
    let queue: ConnectionJobQueue
    let name: String

    init(connection: SQLiteConnection, queue: ConnectionJobQueue, name: String) {
        self.connection = connection
        self.queue = queue
        self.name = name
    }
}

/// The body of a connection thread: runs jobs until the queue closes, then releases (closes) the connection.
private func runConnectionThread(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    let context = Unmanaged<ThreadContext>.fromOpaque(argument).takeRetainedValue()
    nameCurrentThread(context.name)
    while let job = context.queue.next() {
        job(context.connection)
    }
    return nil
}

/// Names the calling thread as `pthread_setname_np` does (which Swift does not import without
/// `_GNU_SOURCE`): through its `comm` file. The kernel keeps 15 bytes; a failure leaves the default name.
private func nameCurrentThread(_ name: String) {
    let file = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard file >= 0 else { return }
    defer { close(file) }
    _ = Array(name.utf8.prefix(15)).withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
}
