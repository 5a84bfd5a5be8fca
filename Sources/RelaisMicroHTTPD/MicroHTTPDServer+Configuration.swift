import CMicroHTTPD

extension MicroHTTPDServer {
    /// Where the server listens and the limits it enforces; every default is here.
    public struct Configuration: Sendable {
        /// IPv4 or IPv6 text, e.g. "0.0.0.0", "127.0.0.1" or "::1".
        public var listenAddress: String
        /// TCP port; 0 asks the kernel for a free one (read it back with `boundPort`).
        public var port: Int
        /// MHD worker threads; they never wait on slow work, so a small pool is enough.
        public var threadPoolSize: Int
        /// Connections served at once, all clients together (lowered at start to fit RLIMIT_NOFILE,
        /// see `ConnectionBudget`).
        public var connectionLimit: Int
        /// Connections served at once from one address (0 = no limit).
        public var perIPConnectionLimit: Int
        /// Idle seconds before MHD closes a connection (0 = never).
        public var connectionTimeoutSeconds: Int
        /// Seconds a connection has to deliver a whole request, head and body, from the moment it is
        /// ready for it (0 = no bound); see `ConnectionDeadlines`.
        public var requestDeadlineSeconds: Int
        /// Largest request body accepted; larger ones get 413.
        public var maxBodyBytes: Int
        /// Longest request target (path and query) accepted; longer ones get 414.
        public var maxTargetBytes: Int
        /// Most header fields in one request; more get 431.
        public var maxHeaderFields: Int
        /// Memory MHD gives each connection for the request head and the response head (MHD's default is
        /// 32 KiB). A portal request head is about 1 KiB; 16 KiB still takes a 10 KiB one, halves what a
        /// hundred phones hold, and halves what MHD clears between two requests of a kept-alive connection.
        /// A request that would leave no room for its answer gets 431 (see `ConnectionMemory`).
        public var connectionMemoryBytes: Int
        /// Certificate and key for HTTPS; nil serves plain HTTP.
        public var tls: TLSCredentials?
        /// Seconds between two summary lines of refused requests.
        public var refusalLogIntervalSeconds: Int

        public init(
            listenAddress: String, port: Int, threadPoolSize: Int = 2, connectionLimit: Int = 4096,
            perIPConnectionLimit: Int = 16, connectionTimeoutSeconds: Int = 15, requestDeadlineSeconds: Int = 10,
            maxBodyBytes: Int = 16384, maxTargetBytes: Int = 4096, maxHeaderFields: Int = 100,
            connectionMemoryBytes: Int = 16384, tls: TLSCredentials? = nil, refusalLogIntervalSeconds: Int = 60
        ) {
            self.listenAddress = listenAddress
            self.port = port
            self.threadPoolSize = threadPoolSize
            self.connectionLimit = connectionLimit
            self.perIPConnectionLimit = perIPConnectionLimit
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
            self.requestDeadlineSeconds = requestDeadlineSeconds
            self.maxBodyBytes = maxBodyBytes
            self.maxTargetBytes = maxTargetBytes
            self.maxHeaderFields = maxHeaderFields
            self.connectionMemoryBytes = connectionMemoryBytes
            self.tls = tls
            self.refusalLogIntervalSeconds = refusalLogIntervalSeconds
        }

        /// Throws when a value cannot be handed to MHD.
        func validate() throws(MicroHTTPDError) {
            func require(_ condition: Bool, _ message: String) throws(MicroHTTPDError) {
                if !condition { throw MicroHTTPDError(code: .invalidConfiguration, message: message) }
            }
            try require((0...65535).contains(port), "port must be 0...65535")
            try require((1...1024).contains(threadPoolSize), "threadPoolSize must be 1...1024")
            try require((1...Int(Int32.max)).contains(connectionLimit), "connectionLimit must be positive")
            try require((0...Int(Int32.max)).contains(perIPConnectionLimit), "perIPConnectionLimit must not be negative")
            try require((0...Int(Int32.max)).contains(connectionTimeoutSeconds), "connectionTimeoutSeconds must not be negative")
            try require((0...86_400).contains(requestDeadlineSeconds), "requestDeadlineSeconds must be 0...86400")
            try require(maxBodyBytes >= 0, "maxBodyBytes must not be negative")
            try require(maxTargetBytes >= 16, "maxTargetBytes must be at least 16")
            try require(maxHeaderFields >= 1, "maxHeaderFields must be positive")
            try require((4096...(1 << 20)).contains(connectionMemoryBytes), "connectionMemoryBytes must be 4 KiB...1 MiB")
            try require(refusalLogIntervalSeconds >= 1, "refusalLogIntervalSeconds must be positive")
            if let tls {
                try require(!tls.certificatePEM.isEmpty && !tls.keyPEM.isEmpty, "TLS certificate and key must not be empty")
            }
        }

        var framingLimits: RequestFraming.Limits {
            RequestFraming.Limits(maxTargetBytes: maxTargetBytes, maxHeaderFields: maxHeaderFields, maxBodyBytes: maxBodyBytes)
        }
    }

    /// A PEM certificate chain and its PEM private key, served through MHD's GnuTLS support.
    public struct TLSCredentials: Sendable, Equatable {
        public var certificatePEM: String
        public var keyPEM: String

        public init(certificatePEM: String, keyPEM: String) {
            self.certificatePEM = certificatePEM
            self.keyPEM = keyPEM
        }
    }
}
