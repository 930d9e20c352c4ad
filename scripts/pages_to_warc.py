#!/usr/bin/env python3
"""Writes saved web pages as a web archive, the way a crawler stores them: for each page a request
record and a response record (HTTP/1.1 200, text/html), one gzip member per record when the output
ends in .gz. For benchmarks and tests (bench/whole_process.sh warc); each page may be written
several times under different URLs (--copies) to make a larger archive.

    python3 scripts/pages_to_warc.py OUT.warc.gz PAGES_DIR [--copies N]
"""
import argparse
import gzip
import os
import sys
import uuid


def record(kind, uri, block, content_type):
    rid = uuid.uuid5(uuid.NAMESPACE_URL, kind + " " + uri)
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, uri, rid, content_type, len(block)))
    return head.encode() + block + b"\r\n\r\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("pages")
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    names = sorted(n for n in os.listdir(args.pages) if n.endswith((".html", ".htm", ".html.gz")))
    pack = args.out.endswith(".gz")
    with open(args.out, "wb") as out:
        for copy in range(args.copies):
            for name in names:
                with open(os.path.join(args.pages, name), "rb") as f:
                    body = f.read()
                if body[:2] == b"\x1f\x8b":
                    body = gzip.decompress(body)
                uri = "https://pages.example/%d/%s" % (copy, name.split(".")[0])
                request = ("GET /%d/%s HTTP/1.1\r\nHost: pages.example\r\n\r\n" % (copy, name)).encode()
                response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
                            + body)
                for r in (record("request", uri, request, "application/http; msgtype=request"),
                          record("response", uri, response, "application/http; msgtype=response")):
                    out.write(gzip.compress(r, compresslevel=6, mtime=0) if pack else r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
