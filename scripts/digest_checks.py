#!/usr/bin/env python3
"""Reads `storydesk digest` JSON Lines and flags what a reader would notice, independently of the
digest's own rules: fragment bullets (an ellipsis at the end, an odd number of straight quotes,
a lower-case start, a pronoun or contrast connective opening) and pairs of bullets of one story
sharing 60% or more of the shorter one's content words (candidates for repeats, to be read).
Also counts, for stories of 3+ articles, how many sources each bullet cites.

    build/storydesk digest ../shared/data/allsides-dev/articles.jsonl > a.jsonl
    scripts/digest_checks.py a.jsonl [--show]
"""
import collections
import json
import re
import sys

STOP = set("the a an and or of to in on for at by with from as is was were are be been that this it its he she "
           "they his her their said says will would has have had not but".split())
OPENERS = re.compile(r"^(He|She|It|They|This|These|Those|But|And|However|So|Still|Yet|Instead)\b")


def words(text):
    return set(re.findall(r"[a-z0-9']+", text.lower())) - STOP


def main(paths, show):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            stories = [json.loads(line) for line in f if line.strip()]
        bullets, fragments, repeats = 0, [], []
        cites = collections.Counter()
        for s in stories:
            bs = s["bullets"]
            bullets += len(bs)
            for b in bs:
                t = b["text"].strip()
                end = t.rstrip("\"\u201d' )")
                if end.endswith("...") or end.endswith("\u2026") or t[:1].islower() or t.count('"') % 2 or OPENERS.match(t):
                    fragments.append(t)
                if len(s["articles"]) >= 3:
                    cites[len(b["sources"])] += 1
            for i in range(len(bs)):
                for j in range(i):
                    a, b = words(bs[i]["text"]), words(bs[j]["text"])
                    if a and b and len(a & b) / min(len(a), len(b)) >= 0.6:
                        repeats.append((bs[j]["text"], bs[i]["text"]))
        total = sum(cites.values())
        print(f"{path}: {len(stories)} stories, {bullets} bullets; {len(fragments)} flagged as fragments; "
              f"{len(repeats)} pairs flagged as repeats")
        if total:
            print(f"  stories of 3+ articles: bullets by number of sources cited {dict(sorted(cites.items()))}; "
                  f"one source {cites[1] / total:.2f}")
        if show:
            for t in fragments:
                print("  FRAGMENT?", t)
            for a, b in repeats:
                print("  REPEAT?", a, "|", b)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--show"]
    if not args:
        sys.exit(__doc__)
    main(args, "--show" in sys.argv)
