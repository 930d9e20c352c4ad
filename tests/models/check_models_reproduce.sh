#!/usr/bin/env bash
# Checks that the shipped models are what their recipe (`make models`) trains today: each one is
# retrained into a temporary directory from ../shared/data and compared with models/ byte for
# byte. A change that alters what the trainers see (text analysis, copy detection, features)
# then fails here instead of leaving the shipped files unreproducible.
# The story model is trained with the background counts embedded in the binary, which this
# script has just checked are models/background-df.tsv.
# Runs from SOURCE_DIR with the data path `make models` uses (../shared/data), since the model
# files name their inputs.
#   check_models_reproduce.sh BINARY SOURCE_DIR
set -euo pipefail
binary="$(realpath "$1")"
source_dir="$(realpath "$2")"
cd "$source_dir"
data="../shared/data"
for set in allsides-train ecbplus msrp-train wmt21-translations-dev wikiref; do
  if [[ ! -d "$data/$set" ]]; then
    echo "SKIPPED: $data/$set is absent, so the models cannot be retrained here"
    exit 0
  fi
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
check() {
  if cmp -s "$tmp/$1" "models/$1"; then
    echo "reproduced: models/$1"
  else
    echo "NOT REPRODUCED: models/$1 differs from what \`make models\` trains now; run \`make models\`, re-measure, commit"
    diff "models/$1" "$tmp/$1" | head -n 8 || true
    status=1
  fi
}
"$binary" train-df "$data/allsides-train/articles.jsonl" -o "$tmp/background-df.tsv" > /dev/null
check background-df.tsv
"$binary" train-sentences "$data/msrp-train/pairs.jsonl" -o "$tmp/sentence-model.tsv" > /dev/null
check sentence-model.tsv
python3 scripts/rewrite_training_pairs.py --data "$data" --out "$tmp/pairs" > /dev/null
"$binary" train-rewrites "$tmp/pairs/articles.jsonl" "$tmp/pairs/pairs.jsonl" -o "$tmp/rewrite-model.tsv" > /dev/null
check rewrite-model.tsv
"$binary" train --gold "$data/allsides-train/gold.jsonl" --gold "$data/ecbplus/gold.jsonl" \
  "$data/allsides-train/articles.jsonl" "$data/ecbplus/articles.jsonl" -o "$tmp/story-model.tsv" > /dev/null 2>&1
check story-model.tsv
exit "$status"
