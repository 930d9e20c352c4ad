#!/usr/bin/env python3
"""Prints the grouping figures of docs/measurements.md: for each labelled set, BCubed and
pairwise P/R/F1 and ARI of `storydesk eval` with the defaults, in the set's own order and over
three shuffles of the input (seeds 1-3: the spread shows how much the order matters), plus
ecbplus by leave-topics-out cross-validation (scripts/leave_topics_out.py), since the shipped
model was trained on it.
Also the two halves of allsides-dev, the only dated labelled set: stories are split at the
median of their first article's date; the first half is where choices about time may be
looked at, the second is reported untouched by them (see docs/measurements.md).
  scripts/measure_grouping.py [--data ../shared/data] [--binary build/storydesk] [--model builtin]"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from jsonl_files import read_jsonl, write_jsonl

SETS = ["allsides-dev", "multinews-dev", "ecbplus", "wikiref", "allsides-val"]


def evaluate(binary, data, name, extra):
    out = subprocess.run([binary, "eval", "--json", "--gold", os.path.join(data, name, "gold.jsonl"),
                          os.path.join(data, name, "articles.jsonl")] + extra,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def dated_halves(binary, data, model, extra=(), suffix=""):
    """BCubed etc. of the whole-stream grouping of allsides-dev, scored on each half of its stories."""
    folder = os.path.join(data, "allsides-dev")
    articles = read_jsonl(os.path.join(folder, "articles.jsonl"))
    gold = read_jsonl(os.path.join(folder, "gold.jsonl"))
    published = {a["id"]: a["published"] for a in articles}
    first = {}
    for g in gold:
        first[g["story"]] = min(first.get(g["story"], published[g["id"]]), published[g["id"]])
    starts = sorted(first.values())
    median = starts[len(starts) // 2]
    predicted = subprocess.run([binary, "cluster", "--model", model, os.path.join(folder, "articles.jsonl")] + list(extra),
                               check=True, capture_output=True, text=True).stdout
    rows = []
    with tempfile.TemporaryDirectory(prefix="storydesk-halves-") as tmp:
        prediction = os.path.join(tmp, "predicted.jsonl")
        with open(prediction, "w", encoding="utf-8") as out:
            out.write(predicted)
        for label, keep in ((f"allsides-dev{suffix}, stories starting before {median} (for choices)", lambda d: d < median),
                            (f"allsides-dev{suffix}, stories starting {median} or later (reported)", lambda d: d >= median)):
            half = os.path.join(tmp, "half.jsonl")
            write_jsonl(half, [g for g in gold if keep(first[g["story"]])])
            out = subprocess.run([binary, "eval", "--json", "--gold", half, prediction],
                                 check=True, capture_output=True, text=True).stdout
            rows.append(row(label, json.loads(out)))
    return rows


def row(label, s):
    b, p = s["bcubed"], s["pairwise"]
    return (f"| {label} | {s['gold_stories']} / {s['predicted_stories']} | {b['precision']:.3f} | {b['recall']:.3f} | "
            f"**{b['f1']:.3f}** | {p['precision']:.3f} | {p['recall']:.3f} | {p['f1']:.3f} | {s['adjusted_rand']:.3f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--binary", default="build/storydesk")
    parser.add_argument("--model", default="builtin")
    parser.add_argument("--skip-cv", action="store_true")
    args = parser.parse_args()
    print("| set | gold / predicted stories | BCubed P | BCubed R | BCubed F1 | pairwise P | pairwise R | pairwise F1 | ARI |")
    print("|---|---|---|---|---|---|---|---|---|")
    spreads = []
    for name in SETS:
        if not os.path.exists(os.path.join(args.data, name)):
            print(f"| {name} | absent | | | | | | | |")
            continue
        base = ["--model", args.model]
        print(row(name + (" (in-domain: the model saw it)" if name == "ecbplus" and args.model == "builtin" else ""),
                  evaluate(args.binary, args.data, name, base)))
        f1s = [evaluate(args.binary, args.data, name, base + ["--shuffle", str(seed)])["bcubed"]["f1"] for seed in (1, 2, 3)]
        spreads.append(f"| {name} | {' / '.join(f'{f:.3f}' for f in f1s)} | {max(f1s) - min(f1s):.3f} |")
    if os.path.exists(os.path.join(args.data, "allsides-dev")):
        for line in dated_halves(args.binary, args.data, args.model):
            print(line)
        # Events, one day's news each (`--events`): allsides-dev's gold stories are day-scale.
        print(row("allsides-dev --events", evaluate(args.binary, args.data, "allsides-dev", ["--model", args.model, "--events"])))
        for line in dated_halves(args.binary, args.data, args.model, ["--events"], " --events"):
            print(line)
        # The storylines above those events, against the same (event-scale) gold.
        print(row("allsides-dev storylines (--level storylines)",
                  evaluate(args.binary, args.data, "allsides-dev", ["--model", args.model, "--level", "storylines"])))
    if os.path.exists(os.path.join(args.data, "ecbplus")):
        # ECB+ topics (two events of one kind each) against the storyline level.
        print(row("ecbplus topics, storylines (in-domain model)",
                  evaluate(args.binary, args.data, "ecbplus",
                           ["--model", args.model, "--level", "storylines", "--gold-field", "topic"])))
    if not args.skip_cv and os.path.exists(os.path.join(args.data, "ecbplus")):
        cv = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "leave_topics_out.py"), "--json",
                             "--data", os.path.join(args.data, "ecbplus"), "--extra", os.path.join(args.data, "allsides-train"),
                             "--binary", args.binary], check=True, capture_output=True, text=True).stdout
        print(row("ecbplus, leave-topics-out (5 folds, + allsides-train)", json.loads(cv)))
    print()
    print("| set | BCubed F1 with input shuffled (seeds 1 / 2 / 3) | spread |")
    print("|---|---|---|")
    print("\n".join(spreads))


if __name__ == "__main__":
    main()
