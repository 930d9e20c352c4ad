#!/usr/bin/env bash
# A bounded load test of `storydesk serve` with wrk (Debian package `wrk`).
#
#   tests/load/run_load_test.sh BINARY SEEDS_DIR [DURATION_SECONDS=10]
#
# Ingests SEEDS_DIR into a temporary database, serves it on a free loopback port and runs
# `wrk -t2 -c200 -dDURATIONs --latency` against /api/stories and against the digest of the
# first story (/api/stories/ID). Prints requests/s and p99 latency for each, and a summary line
#   load: /api/stories 2 threads 200 connections 10 s: 12345 req/s, p99 8.1 ms, 0 errors
# wrk counts a request as an error only once it is answered (late: "timeout"); a connection
# the server never reads from is invisible in its report. So halfway through each run a new
# client sends GET /healthz (2 s timeout, wrk's default) and, where `ss` exists, the server-side
# connections still holding an unread request are counted; both are printed.
# Exit status: 0 when every response was 2xx, wrk saw no socket error (connect, read, write,
# timeout) and the new client was answered; 1 otherwise or when the setup fails; 0 with
# "SKIPPED: wrk not installed" without wrk. Then /api/search with 1 and with 200 connections:
# 200 clients together must get at least the throughput of one (exit 1 otherwise). The duration is capped at 30 s. The server and the
# temporary files are always removed. Extra `serve` flags (e.g. "--threads 256") can be given
# in $STORYDESK_SERVE_ARGS.
set -euo pipefail

THREADS=2
CONNECTIONS=200
MAX_DURATION=30

usage() {
  echo "usage: $0 BINARY SEEDS_DIR [DURATION_SECONDS=10]" >&2
  exit 2
}

[[ $# -ge 2 && $# -le 3 ]] || usage
BINARY=$1
SEEDS=$2
DURATION=${3:-10}
[[ $DURATION =~ ^[0-9]+$ && $DURATION -ge 1 ]] || { echo "DURATION_SECONDS must be a whole number >= 1" >&2; exit 2; }
if (( DURATION > MAX_DURATION )); then
  echo "duration capped at ${MAX_DURATION} s (asked for ${DURATION} s)"
  DURATION=$MAX_DURATION
fi

if ! command -v wrk >/dev/null 2>&1; then
  echo "SKIPPED: wrk not installed"
  exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "load test: python3 is needed (free port, JSON)" >&2; exit 1; }
[[ -x $BINARY ]] || { echo "load test: $BINARY is not an executable" >&2; exit 1; }
[[ -e $SEEDS ]] || { echo "load test: $SEEDS does not exist" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/storydesk-load.XXXXXX")
SERVER_PID=""
# shellcheck disable=SC2317  # run by the trap
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

DB=$TMP/load.db

# 1. The database. Exit 1 (some input rejected) is fine; anything else is not.
set +e
"$BINARY" --db "$DB" ingest "$SEEDS" >"$TMP/ingest.log" 2>&1
ingest_rc=$?
set -e
if (( ingest_rc != 0 && ingest_rc != 1 )); then
  echo "load test: ingest failed (exit $ingest_rc):" >&2
  cat "$TMP/ingest.log" >&2
  exit 1
fi
echo "ingest: $(tail -n 1 "$TMP/ingest.log")"

# 2. A free loopback port, and the server on it.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
# shellcheck disable=SC2086  # STORYDESK_SERVE_ARGS is a list of flags
"$BINARY" --db "$DB" serve --bind 127.0.0.1 --port "$PORT" ${STORYDESK_SERVE_ARGS:-} >"$TMP/serve.log" 2>&1 &
SERVER_PID=$!

# GET a URL: prints the body; fails on a transport error or a status other than 200.
http_get() {
  python3 - "$1" <<'EOF'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    if r.status != 200:
        sys.exit(1)
    sys.stdout.write(r.read().decode())
EOF
}

ready=0
for _ in $(seq 100); do  # up to 10 s
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if http_get "$BASE/healthz" >"$TMP/healthz.json" 2>/dev/null; then ready=1; break; fi
  sleep 0.1
done
if (( ! ready )); then
  echo "load test: the server did not answer $BASE/healthz within 10 s:" >&2
  cat "$TMP/serve.log" >&2
  exit 1
fi
echo "server: $BASE (pid $SERVER_PID), healthz $(cat "$TMP/healthz.json")"

STORY=$(http_get "$BASE/api/stories?limit=1" | python3 -c '
import json, sys
stories = json.load(sys.stdin)["stories"]
print(stories[0]["id"] if stories else "")')
if [[ -z $STORY ]]; then
  echo "load test: no story in the database (is $SEEDS empty?)" >&2
  exit 1
fi

# A new client during the load: prints "OK MILLISECONDS" or "FAILED MILLISECONDS REASON".
probe() {
  python3 - "$1" <<'EOF'
import sys, time, urllib.request
start = time.monotonic()
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        r.read()
        ok = r.status == 200
        reason = "status %d" % r.status
except Exception as e:  # timeout, refused, reset
    ok, reason = False, type(e).__name__
ms = (time.monotonic() - start) * 1000
print("OK %.0f" % ms if ok else "FAILED %.0f %s" % (ms, reason))
EOF
}

# Server-side connections holding unread bytes (a request no worker reads): "WAITING OF".
waiting_connections() {
  command -v ss >/dev/null 2>&1 || { echo "? ?"; return; }
  ss -Htn state established "( sport = :$PORT )" 2>/dev/null |
    awk '{ n++; if ($1 > 0) w++ } END { printf "%d %d\n", w, n }'
}

# 3. wrk against each endpoint.
# Parses wrk's report: prints "REQ_PER_S P99_MS NON2XX CONNECT READ WRITE TIMEOUT".
parse_wrk() {
  python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}[unit]
rps = re.search(r"Requests/sec:\s*([0-9.]+)", text)
p99 = re.search(r"^\s*99(?:\.0+)?%\s+([0-9.]+)(us|ms|s|m|h)\s*$", text, re.M)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if not rps or not p99:
    sys.exit("cannot read wrk's report")
errors = [int(x) for x in sock.groups()] if sock else [0, 0, 0, 0]
print(rps.group(1), "%.1f" % ms(*p99.groups()), non2xx.group(1) if non2xx else 0, *errors)
EOF
}

failed=0
summaries=()
for path in "/api/stories" "/api/stories/$STORY"; do
  out=$TMP/wrk.txt
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency $BASE$path"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$path" >"$out" 2>&1 &
  wrk_pid=$!
  sleep "$(python3 -c "print($DURATION / 2)")"
  read -r waiting established < <(waiting_connections)
  probe_result=$(probe "$BASE/healthz")
  if ! wait "$wrk_pid"; then
    cat "$out"
    echo "load test: wrk failed on $path" >&2
    failed=1
    continue
  fi
  cat "$out"
  read -r probe_status probe_ms probe_reason <<<"$probe_result"
  if [[ $probe_status == OK ]]; then
    probe_text="answered in ${probe_ms} ms"
  else
    probe_text="NOT ANSWERED (${probe_reason:-error} after ${probe_ms} ms)"
  fi
  echo "mid-run: server-side connections with an unread request: $waiting of $established; a new client's GET /healthz: $probe_text"
  if ! read -r rps p99 non2xx connect readerr writeerr timeout < <(parse_wrk "$out"); then
    echo "load test: cannot parse wrk's report for $path" >&2
    failed=1
    continue
  fi
  errors=$((non2xx + connect + readerr + writeerr + timeout))
  echo "$path: ${rps} requests/s, p99 ${p99} ms"
  if (( errors > 0 )); then
    echo "$path: ERRORS: non-2xx $non2xx, socket errors: connect $connect, read $readerr, write $writeerr, timeout $timeout" >&2
    failed=1
  fi
  if [[ $probe_status != OK ]]; then
    echo "$path: a new client was not answered within 2 s during the load ($waiting of $established connections waiting)" >&2
    failed=1
  fi
  summaries+=("load: $path $THREADS threads $CONNECTIONS connections $DURATION s: $(printf '%.0f' "$rps") req/s, p99 $p99 ms, $errors errors; new client $probe_text")
done

# 4. Search under load (issue 14: 142 req/s with one client fell to 23-32 with 200): 200
# clients together must get at least the throughput of one.
WORD=$(http_get "$BASE/api/stories?limit=1" | python3 -c '
import json, re, sys
words = re.findall(r"[A-Za-z]{5,}", json.load(sys.stdin)["stories"][0]["headline"])
print(words[0] if words else "the")')
SEARCH_SECONDS=$(( (DURATION + 1) / 2 ))
search_rps=()
for connections in 1 "$CONNECTIONS"; do
  out=$TMP/wrk-search-$connections.txt
  threads=$(( connections < THREADS ? connections : THREADS ))
  echo
  echo "wrk -t$threads -c$connections -d${SEARCH_SECONDS}s --latency $BASE/api/search?q=$WORD"
  if ! wrk -t"$threads" -c"$connections" -d"${SEARCH_SECONDS}s" --latency "$BASE/api/search?q=$WORD" >"$out" 2>&1; then
    cat "$out"
    echo "load test: wrk failed on /api/search" >&2
    failed=1
    continue
  fi
  cat "$out"
  if ! read -r rps p99 non2xx connect readerr writeerr timeout < <(parse_wrk "$out"); then
    echo "load test: cannot parse wrk's report for /api/search" >&2
    failed=1
    continue
  fi
  errors=$((non2xx + connect + readerr + writeerr + timeout))
  if (( errors > 0 )); then
    echo "/api/search with $connections connections: $errors errors" >&2
    failed=1
  fi
  search_rps+=("$rps")
  summaries+=("load: /api/search?q=$WORD $threads threads $connections connections $SEARCH_SECONDS s: $(printf '%.0f' "$rps") req/s, p99 $p99 ms, $errors errors")
done
if (( ${#search_rps[@]} == 2 )); then
  if python3 -c "import sys; sys.exit(0 if float('${search_rps[1]}') >= float('${search_rps[0]}') else 1)"; then
    summaries+=("load: /api/search $CONNECTIONS clients together get $(python3 -c "print('%.2f' % (float('${search_rps[1]}') / float('${search_rps[0]}')))") x the throughput of one")
  else
    echo "load test: /api/search: $CONNECTIONS clients got ${search_rps[1]} req/s together, less than one client's ${search_rps[0]}" >&2
    failed=1
  fi
fi

if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "load test: the server died during the run:" >&2
  cat "$TMP/serve.log" >&2
  failed=1
fi

echo
for line in "${summaries[@]}"; do echo "$line"; done
exit "$failed"
