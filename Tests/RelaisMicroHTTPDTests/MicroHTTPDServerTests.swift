import RelaisHTTP
import RelaisTesting
import RelaisMicroHTTPD
import Testing

/// Requests and responses through a real server on loopback.
@Suite struct MicroHTTPDServerTests {
    @Test func getWithQueryAndHeadersRoundTrips() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            #expect(server.boundPort > 0)
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GET /pages/a%20b?x=1&y=caf%C3%A9&flag HTTP/1.1\r\nHost: portail.example:8080\r\nX-Test: Bonjour\r\nAccept: */*\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello /pages/a%20b")
            #expect(response.header("X-Echo-Path") == "/pages/a%20b")
            let request = try #require(responder.last)
            #expect(request.method == "GET")
            #expect(request.path == "/pages/a%20b")
            #expect(request.query == "x=1&y=caf%C3%A9&flag")
            #expect(request.queryParameters == ["x": "1", "y": "café", "flag": ""])
            #expect(request.headers.map(\.name) == ["host", "x-test", "accept"])
            #expect(request.header("X-Test") == "Bonjour")
            #expect(request.host == "portail.example")
            #expect(request.clientAddress == "127.0.0.1")
            #expect(request.body.isEmpty)
        }
    }

    @Test func keepAliveAnswersTwoRequestsOnOneConnection() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GET /one HTTP/1.1\r\nHost: a\r\n\r\n")
            let first = try await client.readResponse()
            try client.send("GET /two HTTP/1.1\r\nHost: a\r\n\r\n")
            let second = try await client.readResponse()
            #expect(first.text == "hello /one")
            #expect(second.text == "hello /two")
            #expect(first.header("Connection")?.lowercased() != "close")
            #expect(second.header("Connection")?.lowercased() != "close")
        }
    }

    @Test func urlencodedFormBodyArrivesIntact() async throws {
        let responder = RecordingResponder()
        let body = "nom=Jean+Dupont&courriel=jean%40exemple.fr&accepte=oui&x="
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send(
                "POST /connexion HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n" + body)
            #expect(try await client.readResponse().status == 200)
            let request = try #require(responder.last)
            #expect(request.method == "POST")
            #expect(request.body == Array(body.utf8))
            #expect(request.formParameters == ["nom": "Jean Dupont", "courriel": "jean@exemple.fr", "accepte": "oui", "x": ""])
        }
    }

    @Test func bodySentInSeveralPiecesIsJoined() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
            try client.send("5\r\nhello\r\n")
            try await Task.sleep(for: .milliseconds(20))
            try client.send("6\r\n world\r\n0\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            #expect(responder.last?.body == Array("hello world".utf8))
        }
    }

    @Test func headIsAnsweredWithoutBody() async throws {
        try await withServer(RecordingResponder()) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("HEAD /page HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try await client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "\("hello /page".utf8.count)")
            // A stray body would be read as the start of the next response.
            try client.send("GET /next HTTP/1.1\r\nHost: a\r\n\r\n")
            let next = try await client.readResponse()
            #expect(next.status == 200)
            #expect(next.text == "hello /next")
        }
    }

    @Test func ipv6LoopbackIsServed() async throws {
        let responder = RecordingResponder()
        try await withServer(responder, configure: { $0.listenAddress = "::1" }) { server in
            let client = try RawHTTPClient(port: server.boundPort, host: "::1")
            try client.send("GET /v6 HTTP/1.1\r\nHost: [::1]\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            #expect(responder.last?.clientAddress == "::1")
            #expect(responder.last?.host == "::1")
        }
    }
}

/// A listener on "::" takes IPv4 too, and reports its peers as plain IPv4.
@Suite struct DualStackTests {
    @Test func ipv4PeerOfAnIPv6WildcardListenerIsPlainIPv4() async throws {
        let responder = RecordingResponder()
        var configuration = MicroHTTPDServer.Configuration(listenAddress: "::", port: 0)
        configuration.threadPoolSize = 1
        let server = MicroHTTPDServer(configuration: configuration, responder: responder, logger: LogRecorder().logger())
        try server.start()
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.boundPort, host: "127.0.0.1")
        try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try await client.readResponse().status == 200)
        #expect(responder.last?.clientAddress == "127.0.0.1")
        let v6 = try RawHTTPClient(port: server.boundPort, host: "::1")
        try v6.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try await v6.readResponse().status == 200)
        #expect(responder.last?.clientAddress == "::1")
    }
}
