import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A plain thread that runs `work` every `interval` until stopped. The server is synchronous and its
/// reaper must run while the cooperative pool is busy, so it gets its own thread, joined at stop.
final class PeriodicThread: Sendable {
    private let interval: Duration
    private let work: @Sendable () -> Void
    private let stopping = Atomic<Bool>(false)
    private let handle = Mutex<pthread_t?>(nil)

    init(interval: Duration, work: @escaping @Sendable () -> Void) {
        self.interval = interval
        self.work = work
    }

    /// Starts the thread; false if the system refused one.
    func start() -> Bool {
        let retained = Unmanaged.passRetained(self)
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<PeriodicThread>.fromOpaque(raw).takeRetainedValue().loop()
            return nil
        }, retained.toOpaque())
        guard result == 0 else {
            retained.release()
            return false
        }
        handle.withLock { $0 = thread }
        return true
    }

    /// Asks the thread to stop and waits for it (at most one interval).
    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        guard let thread = handle.withLock({ $0.take() }) else { return }
        pthread_join(thread, nil)
    }

    private func loop() {
        let micros = useconds_t(interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000)
        while !stopping.load(ordering: .sequentiallyConsistent) {
            usleep(micros)
            work()
        }
    }
}
