#!/usr/bin/env python3
"""Latency of a normal client while N slow clients hold connections to `storydesk serve`.

    bench/slow_clients.py BINARY DB [--slow 300] [--seconds 10] [-- SERVE_FLAGS...]

Starts `BINARY --db DB serve` on a free loopback port, opens N connections that each send a
request one byte per second (a slowloris client), and every 0.5 s times a normal
GET /healthz on a new connection (2 s timeout). Prints the median and worst latency and how
many normal requests were not answered within 2 s. The server is stopped at the end.
"""
import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("db")
    ap.add_argument("--slow", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("serve_flags", nargs="*")
    args = ap.parse_args()

    port = free_port()
    server = subprocess.Popen([args.binary, "--db", args.db, "serve", "--port", str(port)] + args.serve_flags,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        slow = []
        request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 1000
        for _ in range(args.slow):
            s = socket.create_connection(("127.0.0.1", port))
            s.setblocking(False)
            slow.append(s)
        latencies, failures = [], 0
        start = time.monotonic()
        sent = 0
        while time.monotonic() - start < args.seconds:
            for s in slow:  # one more byte each
                try:
                    s.send(request[sent % len(request):sent % len(request) + 1])
                except OSError:
                    pass
            sent += 1
            t0 = time.monotonic()
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                latencies.append((time.monotonic() - t0) * 1000)
            except OSError:
                failures += 1
            time.sleep(max(0.0, 0.5 - (time.monotonic() - t0)))
        for s in slow:
            s.close()
        if latencies:
            print("slow clients %d: normal GET /healthz median %.1f ms, worst %.1f ms, %d of %d not answered within 2 s"
                  % (args.slow, statistics.median(latencies), max(latencies), failures, failures + len(latencies)))
        else:
            print("slow clients %d: no normal request answered within 2 s (%d tried)" % (args.slow, failures))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
