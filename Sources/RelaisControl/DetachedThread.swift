import Glibc

/// Starts a detached POSIX thread running `body`: the control socket's blocking accept and request loops.
///
/// A plain pthread rather than Foundation's `Thread`, which only corelibs Foundation provides and which would
/// link CoreFoundation and ICU into the daemon for the sake of two threads.
enum DetachedThread {
    /// Starts `body` on a new thread named `name` (at most 15 bytes are kept by the kernel).
    /// Returns false when the system refused a thread; `body` then never runs.
    @discardableResult
    static func start(name: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Body(name: name, run: body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            _ = String(body.name.utf8.prefix(15))?.withCString { glibcSetThreadName(pthread_self(), $0) }
            body.run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private final class Body: Sendable {
        let name: String
        let run: @Sendable () -> Void

        init(name: String, run: @escaping @Sendable () -> Void) {
            self.name = name
            self.run = run
        }
    }
}

// `pthread_setname_np` is a GNU extension the Glibc module does not export; its C signature since glibc 2.12:
// int pthread_setname_np(pthread_t thread, const char *name). The name shows in `top -H` and crash reports.
@_silgen_name("pthread_setname_np")
private func glibcSetThreadName(_ thread: pthread_t, _ name: UnsafePointer<CChar>) -> Int32
