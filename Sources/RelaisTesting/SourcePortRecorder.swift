/// Python scripts for NAT tests: a far-end listener that tells each peer the source address and port it
/// saw, and a caller that opens flows to it and prints those answers, one `address port` per line.
public enum SourcePortRecorder {
    /// The port both scripts use.
    public static let port = 7000

    /// Answers each TCP connection and UDP datagram with the source address and port it saw.
    public static let listener = #"""
        import socket, threading
        t = socket.socket(); t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); t.bind(("0.0.0.0", 7000)); t.listen(64)
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("0.0.0.0", 7000))
        def udp():
            while True:
                data, peer = u.recvfrom(100); u.sendto(("%s %d" % peer).encode(), peer)
        threading.Thread(target=udp, daemon=True).start()
        while True:
            c, peer = t.accept(); c.sendall(("%s %d" % peer).encode()); c.close()
        """#

    /// `tcp` TCP connections to `target`, held open together, then one UDP exchange; from `source` when given.
    public static func caller(target: String, tcp: Int, source: String? = nil) -> String {
        let bind = source.map { "(\"\($0)\", 0)" } ?? "None"
        return """
            import socket
            out, held = [], []
            try:
                for _ in range(\(tcp)):
                    s = socket.create_connection(("\(target)", 7000), timeout=1, source_address=\(bind)); out.append(s.recv(100).decode()); held.append(s)
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(1)
                if \(bind) is not None: u.bind(\(bind))
                u.sendto(b"x", ("\(target)", 7000)); out.append(u.recvfrom(100)[0].decode())
            except OSError:
                pass
            print("\\n".join(out))
            """
    }
}
