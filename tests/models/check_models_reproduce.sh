#!/usr/bin/env bash
# Checks that the shipped models are what their recipe (scripts/train_models.sh, which `make
# models` runs) trains today: each one is retrained into a temporary directory from
# ../shared/data and compared with models/ byte for byte. A change that alters what the trainers see (text analysis, copy detection, features)
# then fails here instead of leaving the shipped files unreproducible.
# The binary is not rebuilt between trainers: each uses the models embedded in it, which are
# the shipped ones — if an earlier model is not reproduced, later ones may differ too.
# Runs from SOURCE_DIR with the data path `make models` uses (../shared/data), since the model
# files name their inputs.
#   check_models_reproduce.sh BINARY SOURCE_DIR
set -euo pipefail
binary="$(realpath "$1")"
source_dir="$(realpath "$2")"
cd "$source_dir"
data="../shared/data"
for set in allsides-train ecbplus msrp-train wmt21-translations-dev wikiref allsides-dev multinews-dev conll2003 polnear; do
  if [[ ! -d "$data/$set" ]]; then
    echo "SKIPPED: $data/$set is absent, so the models cannot be retrained here"
    exit 0
  fi
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! scripts/train_models.sh "$binary" "$data" "$tmp" > "$tmp/train.log" 2>&1; then
  cat "$tmp/train.log"
  echo "FAILED: scripts/train_models.sh could not train the models"
  exit 1
fi
status=0
for model in background-df.tsv sentence-model.tsv rewrite-model.tsv story-model.tsv claim-model.tsv entity-model.tsv.gz; do
  if cmp -s "$tmp/$model" "models/$model"; then
    echo "reproduced: models/$model"
  else
    echo "NOT REPRODUCED: models/$model differs from what \`make models\` trains now; run \`make models\`, re-measure, commit"
    diff "models/$model" "$tmp/$model" | head -n 8 || true
    status=1
  fi
done
exit "$status"
