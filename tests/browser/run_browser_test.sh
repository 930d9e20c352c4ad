#!/usr/bin/env bash
# The browser test as one ctest entry: ingests the seeds into a fresh database, serves it on a
# free local port, drives the page with headless Chromium (browser_test.mjs), stops the server.
#
#   tests/browser/run_browser_test.sh STORYDESK_BINARY SEEDS_DIR
#
# Skips (exit 0, printing "SKIPPED: ...") when node, npm or Chromium is missing, or when
# `npm ci` cannot install playwright-core (no registry). Otherwise exits with the test's status.
# Environment: CHROMIUM (default /usr/bin/chromium), STORYDESK_QUERY (default "Korea").
set -u

if [ "$#" -ne 2 ]; then
  echo "usage: $0 STORYDESK_BINARY SEEDS_DIR" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary=$1
seeds=$2
chromium=${CHROMIUM:-/usr/bin/chromium}

skip() {
  echo "SKIPPED: browser test: $*"
  exit 0
}

command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v npm >/dev/null 2>&1 || skip "npm is not installed"
[ -x "$chromium" ] || skip "no Chromium at $chromium (set CHROMIUM)"
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || skip "node $(node --version 2>/dev/null) is older than 20"

if [ ! -x "$binary" ]; then
  echo "FAIL: browser test: no storydesk binary at $binary" >&2
  exit 1
fi
if [ ! -e "$seeds" ]; then
  echo "FAIL: browser test: no seeds at $seeds" >&2
  exit 1
fi

if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "browser test: installing playwright-core (npm ci)"
  if ! npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >/dev/null 2>&1; then
    skip "npm ci failed in $here (no access to the npm registry?)"
  fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/storydesk-browser.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="$tmp/storydesk.db"
# At two levels (events and storylines), so that the storyline page has something to show.
"$binary" --db "$db" ingest --events "$seeds" >"$tmp/ingest.log" 2>&1
ingest_status=$?
# 1 means some input was rejected and the rest ingested: the page can still be tested.
if [ "$ingest_status" -gt 1 ]; then
  echo "FAIL: browser test: ingest of $seeds exited $ingest_status:" >&2
  cat "$tmp/ingest.log" >&2
  exit 1
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')
if [ -z "$port" ]; then
  echo "FAIL: browser test: could not find a free port" >&2
  exit 1
fi
url="http://127.0.0.1:$port"

"$binary" --db "$db" serve --port "$port" >"$tmp/server.log" 2>&1 &
server_pid=$!

up=0
deadline=$((SECONDS + 10))
while [ "$SECONDS" -le "$deadline" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url/healthz" 2>/dev/null; then
    up=1
    break
  fi
  sleep 0.1
done
if [ "$up" -ne 1 ]; then
  echo "FAIL: browser test: the server did not answer $url/healthz within 10 s; its log:" >&2
  cat "$tmp/server.log" >&2
  exit 1
fi
echo "browser test: serving $seeds at $url"

STORYDESK_URL="$url" CHROMIUM="$chromium" node "$here/browser_test.mjs"
status=$?
if [ "$status" -ne 0 ]; then
  echo "browser test: server log:" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
exit "$status"
