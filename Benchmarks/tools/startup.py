#!/usr/bin/env python3
"""Start-up time, run in the gateway namespace: exec `relais serve`, then poll the portal every
millisecond until GET /api/captive answers 200. Prints the seconds and the pid (relais keeps running)."""
import socket, subprocess, sys, time

relais, config, log, address, port = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
REQUEST = f"GET /api/captive HTTP/1.1\r\nHost: {address}:{port}\r\nConnection: close\r\n\r\n".encode()
t0 = time.perf_counter()
process = subprocess.Popen([relais, "serve", "--config", config], stdout=open(log, "ab"), stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, start_new_session=True)
while time.perf_counter() - t0 < 30 and process.poll() is None:
    try:
        s = socket.create_connection((address, port), timeout=1)
        s.sendall(REQUEST)
        answer = s.recv(64)
        s.close()
        if answer.startswith(b"HTTP/1.1 200"):
            print(f"{time.perf_counter() - t0:.4f} {process.pid}")
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.001)
print(f"nan {process.pid}")
sys.exit(1)
