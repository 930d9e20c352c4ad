#!/usr/bin/env python3
"""Writes N synthetic news articles as JSON Lines (our own generated text, no third-party data):
stories of 1-8 articles from a few outlets, one article a minute, each story with its own
vocabulary of made-up names and words on top of a shared everyday vocabulary.
  make_stream.py N > stream.jsonl"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
rng = random.Random(42)
syllables = ["ka", "lo", "mi", "ra", "to", "ve", "su", "ne", "di", "pa", "go", "hu"]
common = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(3000)]
outlets = ["Daily Lantern", "Harbor Post", "Northern Ledger", "Wire Service", "Evening Courier"]


def word():
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


story = None
left = 0
for i in range(n):
    if left == 0 or rng.random() < 0.3:
        story = {"names": [word().title() + " " + word().title() for _ in range(4)],
                 "words": [word() for _ in range(40)], "id": i}
        left = rng.randint(1, 8)
    left -= 1
    sentences = []
    for _ in range(15):
        parts = [rng.choice(story["words"]) if rng.random() < 0.4 else rng.choice(common) for _ in range(18)]
        parts.insert(rng.randint(0, 17), rng.choice(story["names"]))
        sentences.append(" ".join(parts).capitalize() + ".")
    minute = i
    print(json.dumps({
        "id": f"s{i}",
        "source": rng.choice(outlets),
        "url": None,
        "published": f"2031-{1 + minute // 43200 % 12:02d}-{1 + minute // 1440 % 28:02d}T{minute // 60 % 24:02d}:{minute % 60:02d}:00Z",
        "title": " ".join(rng.choice(story["words"]) for _ in range(6)).capitalize(),
        "text": " ".join(sentences),
    }))
