#!/usr/bin/env bash
# The recipe of the shipped models, in order: the background document frequencies of
# allsides-train; the sentence matcher of rewrite detection from msrp-train; its document
# decision from the training halves of wmt21 and ecbplus and from wikiref
# (scripts/rewrite_training_pairs.py); the story model from allsides-train and ecbplus (so
# ecbplus itself is only ever reported by leave-topics-out cross-validation); the claim matcher
# of the digest from the fitting half of the claim-support labels (data/claims/README.md),
# whose texts are in allsides-dev and multinews-dev; the named-entity tagger from the training
# split of conll2003 (its validation split is only ever reported), its word clusters from the
# words of that split and of sets not reported for anything the clusters could help
# (allsides-train, ecbplus, wikiref, the training half of polnear), its name lists from the
# capitalised lemmas of Debian's WordNet (wordnet-base) and the training split's own names.
# Each later trainer uses the models embedded in BINARY, so `make models` passes the command
# that rebuilds it, run after each model is written; without one (tests/models), BINARY must
# already embed models equal to those being trained.
# Run from the source directory: the model files name their inputs as given here.
#   scripts/train_models.sh BINARY DATA_DIR OUT_DIR [REBUILD COMMAND...]
set -euo pipefail
binary="$1"
data="$2"
out="$3"
shift 3
rebuild() { if (($# > 0)); then "$@"; fi; }
"$binary" train-df "$data/allsides-train/articles.jsonl" -o "$out/background-df.tsv"
rebuild "$@"
"$binary" train-sentences "$data/msrp-train/pairs.jsonl" -o "$out/sentence-model.tsv"
rebuild "$@"
pairs="$(mktemp -d)"
trap 'rm -rf "$pairs"' EXIT
python3 scripts/rewrite_training_pairs.py --data "$data" --out "$pairs"
"$binary" train-rewrites "$pairs/articles.jsonl" "$pairs/pairs.jsonl" -o "$out/rewrite-model.tsv"
rebuild "$@"
"$binary" train --gold "$data/allsides-train/gold.jsonl" --gold "$data/ecbplus/gold.jsonl" \
  "$data/allsides-train/articles.jsonl" "$data/ecbplus/articles.jsonl" -o "$out/story-model.tsv"
rebuild "$@"
"$binary" train-claims data/claims/claim-support.tsv --data "$data" -o "$out/claim-model.tsv"
rebuild "$@"
"$binary" train-ner "$data/conll2003/train.txt" -o "$out/entity-model.tsv" \
  --unlabelled "$data/allsides-train/articles.jsonl" "$data/ecbplus/articles.jsonl" "$data/wikiref/articles.jsonl" \
  --unlabelled-text "$data/polnear/train/text"
# Shipped gzipped (without a name or time, so the same model packs to the same bytes).
gzip -n -9 -f "$out/entity-model.tsv"
rebuild "$@"
