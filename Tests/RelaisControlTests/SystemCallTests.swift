import Glibc
import Testing
@testable import RelaisControl

@Suite struct SystemCallTests {
    @Test func failureBecomesATypedErrorWithItsErrno() {
        let error = #expect(throws: SystemError.self) {
            try SystemCall.check("fcntl") { fcntl(-1, F_GETFL) }
        }
        #expect(error == SystemError(call: "fcntl", errno: EBADF))
        #expect(error?.description == "fcntl: Bad file descriptor")
    }

    @Test func interruptedCallIsRetriedAndOtherFailuresAreNot() throws {
        var calls = 0
        let result = try SystemCall.check("read") { () -> Int32 in
            calls += 1
            if calls == 1 {
                errno = EINTR
                return -1
            }
            return 7
        }
        #expect(result == 7)
        #expect(calls == 2)

        var attempts = 0
        #expect(throws: SystemError(call: "read", errno: EAGAIN)) {
            try SystemCall.check("read") { () -> Int32 in
                attempts += 1
                errno = EAGAIN
                return -1
            }
        }
        #expect(attempts == 1)
    }

    @Test func closeOfAClosedDescriptorIsReported() throws {
        var ends: [Int32] = [0, 0]
        try SystemCall.check("pipe") { pipe(&ends) }
        try SystemCall.close(ends[0])
        try SystemCall.close(ends[1])
        #expect(throws: SystemError(call: "close", errno: EBADF)) { try SystemCall.close(ends[0]) }
    }
}
