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
        /// Connections served at once, all clients together.
        public var connectionLimit: Int
        /// Connections served at once from one address (0 = no limit).
        public var perIPConnectionLimit: Int
        /// Idle seconds before MHD closes a connection (0 = never).
        public var connectionTimeoutSeconds: Int
        /// Largest request body accepted; larger ones get 413.
        public var maxBodyBytes: Int
        /// Memory MHD gives each connection for the request head and the response head (MHD's default is
        /// 32 KiB). A portal request head is about 1 KiB; 16 KiB still takes a 10 KiB one, halves what a
        /// hundred phones hold, and halves what MHD clears between two requests of a kept-alive connection.
        public var connectionMemoryBytes: Int

        public init(
            listenAddress: String, port: Int, threadPoolSize: Int = 2, connectionLimit: Int = 1024,
            perIPConnectionLimit: Int = 32, connectionTimeoutSeconds: Int = 15, maxBodyBytes: Int = 16384,
            connectionMemoryBytes: Int = 16384
        ) {
            self.listenAddress = listenAddress
            self.port = port
            self.threadPoolSize = threadPoolSize
            self.connectionLimit = connectionLimit
            self.perIPConnectionLimit = perIPConnectionLimit
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
            self.maxBodyBytes = maxBodyBytes
            self.connectionMemoryBytes = connectionMemoryBytes
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
            try require(maxBodyBytes >= 0, "maxBodyBytes must not be negative")
            try require((4096...(1 << 20)).contains(connectionMemoryBytes), "connectionMemoryBytes must be 4 KiB...1 MiB")
        }
    }
}
