import Glibc

/// A POSIX counting semaphore, for threads that block on purpose: the connection threads waiting
/// for jobs, and the callers of ``AppDatabase/withConnection(_:)``.
final class ThreadSemaphore: Sendable {
    /// Allocated once and destroyed in `deinit`, when no thread can be waiting on it any more.
    private nonisolated(unsafe) let semaphore: UnsafeMutablePointer<sem_t>

    init() {
        semaphore = .allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
    }

    deinit {
        sem_destroy(semaphore)
        semaphore.deallocate()
    }

    func signal() {
        sem_post(semaphore)
    }

    /// Blocks the calling thread until a signal is available, and takes it.
    func wait() {
        // Fails only with EINTR (a signal interrupted the wait): wait again.
        while sem_wait(semaphore) != 0 {}
    }
}
