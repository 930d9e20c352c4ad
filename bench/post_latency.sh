#!/usr/bin/env bash
# Whole-process benchmark of POST /api/articles one article at a time: N generated articles
# (default 20000, `storydesk synth`) are ingested with the CLI, then `storydesk serve` takes 20
# more, each in its own request, in publication order — as a feed posting what it reads.
# Prints each request's latency and the median of all but the first (which restores the
# engine from the store). With `undated`, every article's date is removed first (a corpus
# without dates: each article is compared with every stored story). Compare runs on one
# machine, in one session.
#   bench/post_latency.sh [N] [BINARY] [undated]
set -euo pipefail
n="${1:-20000}"
binary="$(realpath "${2:-build/storydesk}")"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
cleanup() { [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$binary" synth --articles "$((n + 20))" --days 20 > "$tmp/all.jsonl"
if [[ "${3:-}" == undated ]]; then
  python3 -c 'import json, sys
for line in sys.stdin:
    a = json.loads(line); a["published"] = None; print(json.dumps(a))' < "$tmp/all.jsonl" > "$tmp/undated.jsonl"
  mv "$tmp/undated.jsonl" "$tmp/all.jsonl"
fi
head -n "$n" "$tmp/all.jsonl" > "$tmp/stored.jsonl"
tail -n 20 "$tmp/all.jsonl" > "$tmp/posted.jsonl"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
"$binary" --db "$tmp/s.db" ingest "$tmp/stored.jsonl" | tail -n 1
"$binary" --db "$tmp/s.db" serve --port "$port" > "$tmp/serve.log" 2>&1 &
server=$!
python3 - "$port" "$tmp/posted.jsonl" <<'PY'
import json, statistics, sys, time, urllib.request
port, path = sys.argv[1], sys.argv[2]
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
latencies = []
for line in open(path):
    start = time.perf_counter()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=line.encode(), method="POST")
    reply = json.loads(urllib.request.urlopen(request, timeout=120).read())
    latencies.append((time.perf_counter() - start) * 1000)
    if reply["stored"] != 1:
        sys.exit(f"not stored: {reply}")
print("per request, ms:", " ".join(f"{t:.0f}" for t in latencies))
print(f"first (restores the engine): {latencies[0]:.0f} ms; median of the rest: {statistics.median(latencies[1:]):.1f} ms")
PY
