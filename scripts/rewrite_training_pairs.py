#!/usr/bin/env python3
"""Builds the labelled article pairs that `storydesk train-rewrites` learns the rewrite decision
from, out of the parts of ../shared/data we keep for training and never report on:

  scripts/rewrite_training_pairs.py [--data ../shared/data] --out DIR

writes DIR/articles.jsonl ({"id","text"}) and DIR/pairs.jsonl ({"a","b","label"}).

  Rewrites (label 1): wmt21-translations-dev lines 0-249 (the first half; the second half is
    what scripts/measure_copies.py reports), cut into consecutive runs of 8, 10, 12 lines; each
    run rendered by each of the five translations (two human, three machine) is one article,
    and every two renderings of one run are a rewrite pair.
  Not rewrites (label 0): two runs next to each other (often the same news article, so the same
    story told in other sentences), rendered differently; every two articles of one topic of
    ECB+ with an odd topic number (the even topics are reported; ECB+ holds some real wire
    copies, which are thus labelled 0 here: noise that only makes the decision stricter); every
    two articles of one WikiRef topic.

Pairs are written group by group (a run, a topic), the groups in a fixed shuffled order, so
the trainer's contiguous cross-validation folds hold whole groups of mixed kinds.
Third-party text is written only to DIR (a temporary directory in `make models`).
"""
import argparse
import collections
import itertools
import os
import random
import sys

from jsonl_files import read_jsonl, write_jsonl

RUN_LENGTHS = (8, 10, 12)
RENDERINGS = ("ref_a", "ref_b", "Facebook-AI", "Online-B", "UEdin")
SELECTION_LINES = 250  # wmt21 lines below this are for training; the rest are reported


def cut_runs(lo, hi):
    runs, start, i = [], lo, 0
    while start < hi:
        runs.append((start, min(start + RUN_LENGTHS[i % len(RUN_LENGTHS)], hi)))
        start = runs[-1][1]
        i += 1
    return runs


def rendering(line, name):
    return line["mt"][name] if name in line.get("mt", {}) else line[name]


def wmt_groups(data, articles):
    lines = sorted(read_jsonl(os.path.join(data, "wmt21-translations-dev", "lines.jsonl")), key=lambda l: l["line"])
    runs = cut_runs(0, min(SELECTION_LINES, len(lines)))
    for k, (lo, hi) in enumerate(runs):
        for name in RENDERINGS:
            articles.append({"id": f"wmt{k:02d}-{name}",
                             "text": "\n\n".join(rendering(l, name).strip() for l in lines[lo:hi])})
    groups = []
    for k in range(len(runs)):
        same = [(f"wmt{k:02d}-{x}", f"wmt{k:02d}-{y}", 1) for x, y in itertools.combinations(RENDERINGS, 2)]
        groups.append(same)
        if k + 1 < len(runs):
            groups.append([(f"wmt{k:02d}-{x}", f"wmt{k + 1:02d}-{y}", 0)
                           for x, y in itertools.combinations(RENDERINGS, 2)])
    return groups


def topic_groups(data, name, topic_of, keep_topic, articles):
    texts = {a["id"]: a["text"] for a in read_jsonl(os.path.join(data, name, "articles.jsonl"))}
    by_topic = collections.defaultdict(list)
    for g in read_jsonl(os.path.join(data, name, "gold.jsonl")):
        if g["id"] in texts and keep_topic(topic_of(g)):
            by_topic[topic_of(g)].append(g["id"])
    groups = []
    for topic in sorted(by_topic):
        ids = sorted(by_topic[topic])
        for i in ids:
            articles.append({"id": f"{name}:{i}", "text": texts[i]})
        groups.append([(f"{name}:{a}", f"{name}:{b}", 0) for a, b in itertools.combinations(ids, 2)])
    return groups


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    needed = [os.path.join(args.data, p) for p in ("wmt21-translations-dev/lines.jsonl", "ecbplus/gold.jsonl",
                                                    "wikiref/gold.jsonl")]
    missing = [p for p in needed if not os.path.exists(p)]
    if missing:
        sys.exit(f"rewrite_training_pairs: missing {', '.join(missing)} (see ../shared/data/README.md)")

    articles = []
    groups = wmt_groups(args.data, articles)
    groups += topic_groups(args.data, "ecbplus", lambda g: int(g["topic"]), lambda t: t % 2 == 1, articles)
    groups += topic_groups(args.data, "wikiref", lambda g: g["story"], lambda t: True, articles)
    random.Random(20261125).shuffle(groups)
    os.makedirs(args.out, exist_ok=True)
    write_jsonl(os.path.join(args.out, "articles.jsonl"), articles)
    write_jsonl(os.path.join(args.out, "pairs.jsonl"),
                [{"a": a, "b": b, "label": label} for group in groups for a, b, label in group])
    counts = collections.Counter(label for group in groups for _, _, label in group)
    print(f"rewrite_training_pairs: {len(articles)} articles, {counts[1]} rewrite pairs, {counts[0]} others "
          f"-> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
