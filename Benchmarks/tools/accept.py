#!/usr/bin/env python3
"""Accept -> traffic, run in the client namespace: per iteration fetch the portal page on a persistent
connection, extract the form token, then time from sending POST /connexion to the first 204 from the
internet host (fresh TCP connections, retried while still redirected); deauth with `relais ctl` after.
Prints one JSON object: latencies in ms (and, for each, when the portal's answer to the POST had been
read: the rest is the new connection through the firewall), retries, wall time of the whole run, and when each
measured iteration started (epoch ms), to place it against other work running meanwhile."""
import http.client, json, re, socket, subprocess, sys, time, urllib.parse

portal, portal_port, internet, relais, sock, mac, iterations = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7])
PROBE = b"GET /generate_204 HTTP/1.1\r\nHost: connectivitycheck.gstatic.com\r\nConnection: close\r\n\r\n"

def probe():
    """Status of one probe to the internet host on a new connection (new conntrack flow); 0 when the
    connection or its answer does not come within 2 s (the iteration then fails, and the run goes on)."""
    try:
        s = socket.create_connection((internet, 80), timeout=2)
    except OSError:
        return 0
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.sendall(PROBE)
    data = b""
    while b"\r\n" not in data:
        try:
            chunk = s.recv(4096)
        except OSError:
            break
        if not chunk: break
        data += chunk
    s.close()
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0

conn = None
def portal_request(method, path, body=None):
    global conn
    for attempt in range(2):
        try:
            if conn is None:
                conn = http.client.HTTPConnection(portal, portal_port, timeout=5)
                conn.connect()
                conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            headers = {"Host": f"{portal}:{portal_port}"}
            if body is not None: headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close": conn.close(); conn = None
            return r.status, data
        except (http.client.HTTPException, OSError):
            if conn: conn.close()
            conn = None
            if attempt: raise

latencies, answered, started_ms, failed_ms, retries, failures = [], [], [], [], 0, 0
start = time.monotonic()
for i in range(iterations):
    assert probe() == 302, "device must be redirected before accepting"
    status, page = portal_request("GET", "/?continue=" + urllib.parse.quote("http://connectivitycheck.gstatic.com/generate_204", safe=""))
    token = re.search(rb'name="token" value="([^"]*)"', page).group(1).decode()
    cont = re.search(rb'name="continue" value="([^"]*)"', page).group(1).decode().replace("&amp;", "&").replace("&#x2F;", "/")
    body = urllib.parse.urlencode({"token": token, "continue": cont})
    t0, t0_epoch = time.perf_counter(), time.time()
    status, _ = portal_request("POST", "/connexion", body)
    t_answer = time.perf_counter()
    got = 0
    while status == 200 and time.perf_counter() - t0 < 2:
        got = probe()
        if got == 204: break
        retries += 1
    t1 = time.perf_counter()
    if status == 200 and got == 204:
        latencies.append((t1 - t0) * 1000)
        answered.append((t_answer - t0) * 1000)
        started_ms.append(int(t0_epoch * 1000))
    else:
        failures += 1
        failed_ms.append(int(t0_epoch * 1000))
    subprocess.run([relais, "ctl", "--socket", sock, "deauth", mac], check=True, stdout=subprocess.DEVNULL)
wall = time.monotonic() - start
print(json.dumps({"latencies_ms": latencies, "answered_ms": answered, "retries": retries, "failures": failures, "wall_s": wall,
                  "started_epoch_ms": started_ms, "failed_epoch_ms": failed_ms,
                  "first_epoch_ms": int((time.time() - wall) * 1000)}))
