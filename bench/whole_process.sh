#!/usr/bin/env bash
# Whole-process benchmark: `storydesk cluster` and `storydesk ingest` on a generated stream of
# N articles (default 20000; our own synthetic text, see make_stream.py), reporting wall time,
# articles/s and peak memory (GNU time). Compare runs on one machine, in one session.
#   bench/whole_process.sh [N] [BINARY]
set -euo pipefail
n="${1:-20000}"
binary="${2:-build/storydesk}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$here/make_stream.py" "$n" > "$tmp/stream.jsonl"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "input: $n articles, $(du -h "$tmp/stream.jsonl" | cut -f1)"
measure() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > /dev/null
  read -r seconds kilobytes < "$tmp/time"
  awk -v l="$label" -v s="$seconds" -v k="$kilobytes" -v n="$n" \
    'BEGIN { printf "%-10s %7.2f s  %9.0f articles/s  peak RSS %6.0f MiB\n", l, s, n / s, k / 1024 }'
}
# Each once on one analysis thread and once on one per core (the default): the speed-up of
# analysing in parallel while one thread decides in order.
cores="$(nproc)"
measure "cluster/1" "$binary" cluster --threads 1 "$tmp/stream.jsonl"
measure "cluster/$cores" "$binary" cluster --threads "$cores" "$tmp/stream.jsonl"
measure "ingest/1" "$binary" --db "$tmp/s1.db" ingest --threads 1 "$tmp/stream.jsonl"
measure "ingest/$cores" "$binary" --db "$tmp/s.db" ingest --threads "$cores" "$tmp/stream.jsonl"
echo "database: $(du -h "$tmp/s.db" | cut -f1)"
