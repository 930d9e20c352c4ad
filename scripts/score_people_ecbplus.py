#!/usr/bin/env python3
"""Cross-document people linking on ECB+: mention-linking BCubed of `storydesk entities`.

For each gold story (one event; gold.jsonl's "story") the story's articles are given to
`storydesk entities --format json` as one story, and every gold person mention (an ECB+
HUMAN_PART_PER markable that is the source of a CROSS_DOC_COREF or INTRA_DOC_COREF relation)
is linked to the entity of the predicted person mention overlapping it; a gold mention no
predicted person mention overlaps stays alone. BCubed precision and recall (Bagga & Baldwin
1998) are taken over the gold mentions, each story's mentions clustered apart from other
stories', and averaged over all mentions.

Two sets of mentions are scored: all gold person mentions (names, descriptions such as "the
judge", pronouns: storydesk links names only, so the others stay alone), and the named ones
(every token capitalised, the last one a word the texts never write in lower case:
"Tara Reid", "Reid"; not "Authorities" opening a sentence). Two baselines show the scale: every mention
alone, and mentions with the same words (lower-cased) one person.

Usage: score_people_ecbplus.py BINARY ECBPLUS_DIR [--show-errors N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_mentions(xml_path, text):
    """The document's gold person mentions: (start, end, cluster, surface), code-point offsets."""
    root = ET.parse(xml_path).getroot()
    tokens = {}
    order = []
    for t in root.iter("token"):
        tokens[t.get("t_id")] = t.text or ""
        order.append(t.get("t_id"))
    # Token offsets: each token found in the text after the previous one.
    where = {}
    at = 0
    for t_id in order:
        word = tokens[t_id]
        found = text.find(word, at) if word else -1
        if found < 0:
            continue  # a token the text writes otherwise; mentions on it are skipped
        where[t_id] = (found, found + len(word))
        at = found + len(word)
    markables = root.find("Markables")
    people = {}
    instance = {}
    for m in markables:
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if anchors and m.tag == "HUMAN_PART_PER":
            people[m.get("m_id")] = anchors
        elif not anchors:
            instance[m.get("m_id")] = m.get("instance_id") or ("intra:" + xml_path + ":" + m.get("m_id"))
    out = []
    relations = root.find("Relations")
    if relations is None:
        return out
    for r in relations:
        if r.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = r.find("target")
        if target is None or target.get("m_id") not in instance:
            continue
        cluster = instance[target.get("m_id")]
        for s in r.findall("source"):
            anchors = people.get(s.get("m_id"))
            if not anchors or any(a not in where for a in anchors):
                continue
            start = min(where[a][0] for a in anchors)
            end = max(where[a][1] for a in anchors)
            out.append((start, end, cluster, " ".join(tokens[a] for a in anchors)))
    return out


def bcubed(items):
    """items: [(gold_key, predicted_key)]; returns (P, R) averaged over items."""
    gold = defaultdict(set)
    pred = defaultdict(set)
    for i, (g, p) in enumerate(items):
        gold[g].add(i)
        pred[p].add(i)
    p_sum = r_sum = 0.0
    for g, p in items:
        both = len(gold[g] & pred[p])
        p_sum += both / len(pred[p])
        r_sum += both / len(gold[g])
    n = len(items)
    return (p_sum / n, r_sum / n) if n else (0.0, 0.0)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def lower_words(articles):
    """Every word the texts write in lower case: a capitalised word among them ("Authorities"
    opening a sentence, "He") is not a name."""
    words = set()
    for a in articles.values():
        for w in a["text"].split():
            w = w.strip(".,;:!?\"'()[]")
            if w and w[0].islower():
                words.add(w)
    return words


def named(surface, lower):
    words = surface.split()
    if words and words[0].lower() in ("i", "i'm", "i'd", "i'll", "i've"):
        return False  # the pronoun
    return bool(words) and all(w[:1].isupper() for w in words) and words[-1].lower() not in lower


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("ecbplus")
    parser.add_argument("--show-errors", type=int, default=0, help="print N wrongly linked or missed named mentions")
    args = parser.parse_args()
    articles = {a["id"]: a for a in read_jsonl(os.path.join(args.ecbplus, "articles.jsonl"))}
    stories = defaultdict(list)
    topic_of = {}
    lower = lower_words(articles)
    for g in read_jsonl(os.path.join(args.ecbplus, "gold.jsonl")):
        stories[g["story"]].append(g["id"])
        topic_of[g["id"]] = g["topic"]

    rows = {"all": defaultdict(list), "named": defaultdict(list)}  # system -> [(gold, pred)]
    found_named = total_named = 0
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        for story, ids in sorted(stories.items()):
            path = os.path.join(tmp, "story.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for i in ids:
                    f.write(json.dumps(articles[i]) + "\n")
            run = subprocess.run([args.binary, "entities", path, "--format", "json"], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"storydesk entities failed on story {story}: {run.stderr.strip()}")
            predicted = defaultdict(list)
            for line in run.stdout.splitlines():
                m = json.loads(line)
                if m["type"] == "PER":
                    predicted[m["article"]].append(m)
            for i in ids:
                xml_path = os.path.join(args.ecbplus, "xml", topic_of[i], i + ".xml")
                for n, (start, end, cluster, surface) in enumerate(gold_mentions(xml_path, articles[i]["text"])):
                    over = [m for m in predicted[i] if m["start"] < end and start < m["end"]]
                    key = (story, cluster)
                    system = (story, "entity", over[0]["entity_index"]) if over else (i, "alone", n)
                    same_words = (story, "words", surface.lower())
                    sets = ["all"] + (["named"] if named(surface, lower) else [])
                    for s in sets:
                        rows[s]["storydesk"].append((key, system))
                        rows[s]["every mention alone"].append((key, (i, n)))
                        rows[s]["same words, one person"].append((key, same_words))
                    if named(surface, lower):
                        total_named += 1
                        found_named += bool(over)
                        if not over:
                            errors.append(f"{i}: missed {surface!r}")
                        elif over[0]["entity"].lower() != surface.lower() and surface.lower() not in over[0]["entity"].lower():
                            errors.append(f"{i}: {surface!r} linked to {over[0]['entity']!r}")

    print("| mentions | system | count | BCubed P | R | F1 |")
    print("|---|---|---|---|---|---|")
    for s in ("all", "named"):
        for system, items in rows[s].items():
            p, r = bcubed(items)
            print(f"| {s} | {system} | {len(items)} | {p:.3f} | {r:.3f} | {f1(p, r):.3f} |")
    print(f"named gold mentions a predicted person overlaps: {found_named} of {total_named}")
    for e in errors[: args.show_errors]:
        print(e)


if __name__ == "__main__":
    main()
