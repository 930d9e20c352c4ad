#!/usr/bin/env bash
# Whole-process benchmark: `storydesk cluster` and `storydesk ingest` (into SQLite) on a named
# workload, each on one analysis thread and on one per core, printing wall time, articles/s,
# MB/s of input, peak RSS (GNU time) and where the time went (--timings).
#   bench/whole_process.sh [WORKLOAD] [BINARY]
# Workloads:
#   smoke          2,000 synthetic articles over 2 days (what CI runs: does it run at all)
#   synth-100k     100,000 synthetic articles over 20 days (`storydesk synth`, seed 1)
#   synth-1m       1,000,000 synthetic articles over 60 days
#   multinews-dev  ../shared/data/multinews-dev (real articles, undated)
#   seeds          ../shared/seeds (the two seed articles)
#   html-pages     ../shared/data/html-extraction-dev/html (91 saved news pages, 16.9 MB, gzipped)
#   warc           those pages 10 times over as a .warc.gz crawl (scripts/pages_to_warc.py; 1,820
#                  records, MB/s counted on its uncompressed bytes)
# Web workloads also time `storydesk extract` alone (parse and extraction, no grouping).
#   N              N synthetic articles over 20 days
# Compare runs on one machine, in one session.
set -euo pipefail
workload="${1:-synth-100k}"
binary="${2:-build/storydesk}"
here="$(cd "$(dirname "$0")" && pwd)"
shared="$here/../../shared"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ ! -x /usr/bin/time ]; then
  echo "skipped: GNU time (/usr/bin/time) is not installed; make test installs it"
  exit 0
fi
input="$tmp/stream.jsonl"
synth() { "$binary" synth --articles "$1" --days "$2" --seed 1 --gold "$tmp/gold.jsonl" > "$input"; }
case "$workload" in
  smoke) synth 2000 2 ;;
  synth-100k) synth 100000 20 ;;
  synth-1m) synth 1000000 60 ;;
  multinews-dev) input="$shared/data/multinews-dev/articles.jsonl" ;;
  seeds) input="$shared/seeds" ;;
  html-pages) input="$shared/data/html-extraction-dev/html" ;;
  warc)
    if [ -d "$shared/data/html-extraction-dev/html" ]; then
      input="$tmp/crawl.warc.gz"
      python3 "$here/../scripts/pages_to_warc.py" "$input" "$shared/data/html-extraction-dev/html" --copies 10
    else
      input="$shared/data/html-extraction-dev/html"
    fi
    ;;
  *[!0-9]* | "") echo "unknown workload: $workload" >&2; exit 2 ;;
  *) synth "$workload" 20 ;;
esac
if [ ! -e "$input" ]; then
  echo "skipped: $input is not there (workload $workload needs ../shared beside the repository)"
  exit 0
fi
if [ "$workload" = html-pages ]; then
  n="$(find "$input" -type f | wc -l)"
  bytes="$(find "$input" -type f -exec zcat -f {} + | wc -c)"  # of HTML, uncompressed
elif [ "$workload" = warc ]; then
  n=910
  bytes="$(zcat "$input" | wc -c)"
elif [ -d "$input" ]; then
  n="$(find "$input" -type f | wc -l)"
  bytes="$(du -sb "$input" | cut -f1)"
else
  n="$(wc -l < "$input")"
  bytes="$(du -sb "$input" | cut -f1)"
fi
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "workload: $workload, $n articles, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')"
measure() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r seconds kilobytes < "$tmp/time"
  awk -v l="$label" -v s="$seconds" -v k="$kilobytes" -v n="$n" -v b="$bytes" \
    'BEGIN { if (s < 0.01) s = 0.01; printf "%-10s %8.2f s %9.0f articles/s %7.1f MB/s  peak RSS %6.0f MiB\n", l, s, n / s, b / 1e6 / s, k / 1024 }'
  grep 'seconds:' "$tmp/err" | sed 's/^storydesk: /           /' || true
}
cores="$(nproc)"
case "$workload" in
  html-pages | warc) measure "extract" "$binary" extract --format json "$input" ;;
esac
measure "cluster/1" "$binary" cluster --timings --threads 1 "$input"
measure "cluster/$cores" "$binary" cluster --timings --threads "$cores" "$input"
measure "ingest/1" "$binary" --db "$tmp/s1.db" ingest --timings --threads 1 "$input"
measure "ingest/$cores" "$binary" --db "$tmp/s.db" ingest --timings --threads "$cores" "$input"
echo "database: $(du -h "$tmp/s.db" | cut -f1)"
if [ -f "$tmp/gold.jsonl" ]; then
  echo "grouping quality on the generated gold (BCubed F1, pairwise F1):"
  "$binary" eval --json --gold "$tmp/gold.jsonl" "$input" 2> /dev/null |
    python3 -c 'import json,sys; j=json.load(sys.stdin); print("  %.4f %.4f" % (j["bcubed"]["f1"], j["pairwise"]["f1"]))'
fi
