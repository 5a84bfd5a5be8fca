import RelaisTesting
import Logging
import RelaisHTTP
@testable import RelaisMicroHTTPD
import Testing

/// Bad requests are counted and summarized, one line per interval, never one line each.
@Suite struct RefusalLogTests {
    @Test func countsAreSummarizedInOneLine() {
        let logs = LogRecorder()
        let log = RefusalLog(logger: logs.logger(), interval: .seconds(3600))
        for _ in 0..<500 { log.record("bad-content-length") }
        log.record("missing-host")
        log.flush()
        #expect(logs.all.isEmpty, "flushed before the interval")
        log.flush(force: true)
        #expect(logs.all.count == 1)
        let line = logs.lines.first ?? ""
        #expect(line.contains("http.refused.bad-content-length=500"))
        #expect(line.contains("http.refused.missing-host=1"))
        #expect(line.contains("http.refused.total=501"))
        log.flush(force: true)
        #expect(logs.all.count == 1, "nothing new, nothing written")
    }

    @Test func mhdMessagesAreClassified() {
        #expect(RefusalLog.kind(ofMHDMessage: "Error processing request (HTTP response code is 400 ('<html>')). Closing connection.") == "mhd-400")
        #expect(RefusalLog.kind(ofMHDMessage: "Connection was closed by remote side with incomplete request.") == "incomplete")
        #expect(RefusalLog.kind(ofMHDMessage: "Failed to parse `Content-Length' header. Closing connection.") == nil)
    }

    @Test func aFloodOfBadRequestsWritesOneInfoLine() async throws {
        let logs = LogRecorder()
        try await withServer(RecordingResponder(), logger: logs.logger()) { server in
            for _ in 0..<40 {
                _ = try await RawHTTPClient.exchange(Array("GET / HTTP/1.1\r\n\r\n".utf8), port: server.boundPort)
                _ = try await RawHTTPClient.exchange(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n".utf8), port: server.boundPort)
            }
            server.stop()
        }
        let aboveDebug = logs.all.filter { $0.level > .debug }
        #expect(aboveDebug.count == 1, "\(logs.lines.filter { !$0.hasPrefix("debug") })")
        let summary = logs.lines.first { $0.contains("http.refused.total") }
        #expect(summary?.contains("http.refused.missing-host=40") == true, "\(summary ?? "no summary")")
        #expect(summary?.contains("http.refused.mhd-400=40") == true, "\(summary ?? "no summary")")
    }
}
