#!/usr/bin/env bash
# What people and quotes cost the digest: `storydesk digest` on real stories with and without
# them (--no-people: no names tagged, no quotes found), in one run, with the tagger's own
# speed on CoNLL-2003 validation (greedy against the shipped beam decoding). Each figure is
# the fastest of three runs.
#   bench/digest_cost.sh [BINARY]
# Needs ../shared/data beside the repository; prints "skipped" without it.
set -euo pipefail
binary="${1:-build/storydesk}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../shared/data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in allsides-dev/articles.jsonl multinews-dev/articles.jsonl conll2003/valid.txt; do
  if [ ! -e "$data/$f" ]; then
    echo "skipped: $data/$f is not there"
    exit 0
  fi
done
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(uname -sr)"
# The fastest of three runs: the others lose time to whatever else the machine does.
seconds() {
  local best=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$tmp/time" "$@" > /dev/null 2> /dev/null || true
    best="$(awk -v a="$best" -v b="$(cat "$tmp/time")" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')"
  done
  echo "$best"
}
for set in allsides-dev multinews-dev; do
  input="$data/$set/articles.jsonl"
  n="$(wc -l < "$input")"
  without="$(seconds "$binary" digest --no-people "$input")"
  with="$(seconds "$binary" digest "$input")"
  awk -v s="$set" -v n="$n" -v a="$without" -v b="$with" 'BEGIN {
    printf "%-14s %5d articles: digest without people %6.2f s (%.2f ms/article), with %6.2f s (%.2f ms/article): %.2fx\n",
      s, n, a, 1000 * a / n, b, 1000 * b / n, b / a }'
done
# The tagger alone: the shipped model as it is (beam) and decoding greedily.
gzip -dc "$here/../models/entity-model.tsv.gz" | grep -v '^!' > "$tmp/greedy.tsv"
tokens="$(grep -c -v -e '^$' -e '^-DOCSTART-' "$data/conll2003/valid.txt")"
beam="$(seconds "$binary" tag --conll "$data/conll2003/valid.txt")"
greedy="$(seconds "$binary" tag --conll "$data/conll2003/valid.txt" --model "$tmp/greedy.tsv")"
awk -v t="$tokens" -v a="$greedy" -v b="$beam" 'BEGIN {
  printf "tagger on conll2003 valid (%d tokens, model loading included): greedy %.2f s, beam %.2f s: %.2fx\n", t, a, b, b / a }'
