#!/usr/bin/env python3
"""Temporal expressions on TempEval-3: Task A scores of `storydesk timex`.

Measures how well storydesk's temporal-expression recogniser finds and normalises the
TIMEX3 expressions of the TempEval-3 training data (TBAQ-cleaned: TimeBank 1.2 + AQUAINT,
256 TimeML documents), with the Task A metrics of UzZaman et al., "SemEval-2013 Task 1:
TempEval-3: Evaluating Time Expressions, Events, and Temporal Relations" (SemEval 2013):

  strict extraction   a predicted span counts when its start and end equal a gold span's;
  relaxed extraction  a predicted span counts when it overlaps a gold span (one-to-one,
                      greedy by largest overlap);
  value               over the relaxed matches, the predicted value equals the gold value
                      exactly; value P = correct/predicted, value R = correct/gold, value F1
                      (TempEval-3's headline "value F1"); value accuracy = correct/relaxed.
  type                over the relaxed matches, the predicted type equals the gold type
                      (only informative with several --types).

Each document's text is the content of its <TEXT> element with the tags removed; the gold
expressions are the TIMEX3 inside it (the document creation time, in <DCT>, is not scored:
it is given to the binary as --published). Only gold and predicted expressions whose type is
in --types are scored (default DATE); relaxed matches across that boundary (a gold DATE found
as a DURATION, say) are counted apart, for information.

The binary is called once per document:
    BINARY timex FILE.txt --published YYYY-MM-DD --format json
and prints JSON Lines {"start", "end", "text", "type", "value"}, code-point offsets into the
file's text. A failing call or output that does not parse stops the scoring (exit 1).

Usage: score_timex_tempeval.py BINARY TEMPEVAL3_DIR [--types DATE[,TIME,...]|ALL]
                               [--errors N] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
CORPUS_PARTS = ("TimeBank", "AQUAINT")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXAMPLES_PER_GROUP = 3


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str  # e.g. "TimeBank/ABC19980108.1830.0711.tml"
    dct: str | None  # YYYY-MM-DD, or None when the document has no usable creation time
    dct_problem: str | None  # why dct is None
    text: str
    gold: list = field(default_factory=list)  # Timex


# --- Reading TimeML ---------------------------------------------------------------------


def find_tml_files(data_dir):
    """The corpus's .tml files, sorted, TimeBank first, then AQUAINT."""
    root = os.path.join(data_dir, "TBAQ-cleaned")
    files = []
    for part in CORPUS_PARTS:
        folder = os.path.join(root, part)
        if not os.path.isdir(folder):
            sys.exit(f"error: no folder {folder}")
        names = sorted(n for n in os.listdir(folder) if n.endswith(".tml"))
        files.extend(os.path.join(folder, n) for n in names)
    return files


def creation_time(root):
    """(YYYY-MM-DD, None) from the TIMEX3 with functionInDocument="CREATION_TIME", or (None, why)."""
    found = [t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    if not found:
        return None, "no TIMEX3 with functionInDocument=CREATION_TIME"
    value = (found[0].get("value") or "")[:10]
    if not ISO_DAY.match(value):
        return None, f"creation time value {found[0].get('value')!r} is not YYYY-MM-DD"
    return value, None


def flatten_with_timexes(element):
    """The inner text of element, tags removed, and the TIMEX3 inside it with code-point offsets."""
    parts = []
    timexes = []
    length = 0

    def walk(node):
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                covered = "".join(child.itertext())
                timexes.append(Timex(start, length, covered, child.get("type") or "", child.get("value") or ""))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(element)
    return "".join(parts), timexes


def read_tml(path, data_dir):
    """One TimeML document: its creation time, its <TEXT> as plain text, its gold TIMEX3."""
    root = ET.parse(path).getroot()  # decodes &amp; and the other entities
    name = os.path.relpath(path, os.path.join(data_dir, "TBAQ-cleaned"))
    text_elements = root.findall(".//TEXT")
    if len(text_elements) != 1:
        sys.exit(f"error: {path} has {len(text_elements)} <TEXT> elements, expected 1")
    text, gold = flatten_with_timexes(text_elements[0])
    for t in gold:
        if t.type not in TIMEX_TYPES:
            sys.exit(f"error: {path}: TIMEX3 {t.text!r} has unknown type {t.type!r}")
    dct, why = creation_time(root)
    return Document(name, dct, why, text, gold)


# --- Running the binary -----------------------------------------------------------------


def parse_prediction(line, text):
    """One JSON line of the binary's output as a Timex; raises ValueError when it is malformed."""
    obj = json.loads(line)
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    start, end = obj.get("start"), obj.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise ValueError("start and end must be integers")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}..{end} outside the text (length {len(text)}) or empty")
    kind, value = obj.get("type"), obj.get("value")
    if kind not in TIMEX_TYPES:
        raise ValueError(f"type {kind!r} is not one of {', '.join(TIMEX_TYPES)}")
    if not isinstance(value, str):
        raise ValueError("value must be a string")
    covered = text[start:end]
    if "text" in obj and obj["text"] != covered:
        raise ValueError(f"text {obj['text']!r} differs from the text at {start}..{end}, {covered!r} "
                         "(offsets not in code points?)")
    return Timex(start, end, covered, kind, value)


def run_timex(binary, doc, workdir, timeout):
    """The binary's expressions for one document, and the seconds the call took. Exits on failure."""
    path = os.path.join(workdir, "document.txt")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(doc.text)
    command = [binary, "timex", path]
    if doc.dct is not None:
        command += ["--published", doc.dct]
    command += ["--format", "json"]
    began = time.perf_counter()
    try:
        run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    except FileNotFoundError:
        sys.exit(f"error: cannot run {binary}")
    except subprocess.TimeoutExpired:
        sys.exit(f"error: {binary} timex took over {timeout} s on {doc.name}")
    seconds = time.perf_counter() - began
    if run.returncode != 0:
        sys.exit(f"error: {binary} timex failed on {doc.name} (exit {run.returncode}): {run.stderr.strip()}")
    predictions = []
    for number, line in enumerate(run.stdout.splitlines(), 1):
        if not line.strip():
            continue
        try:
            predictions.append(parse_prediction(line, doc.text))
        except ValueError as e:  # json.JSONDecodeError is a ValueError
            sys.exit(f"error: {binary} timex on {doc.name}, output line {number}: {e}\n  {line[:200]}")
    return predictions, seconds


# --- Matching ---------------------------------------------------------------------------


def overlap(a, b):
    return min(a.end, b.end) - max(a.start, b.start)


def strict_matches(gold, predicted):
    """Pairs (gold index, predicted index) with identical spans, each side used at most once."""
    unused = defaultdict(list)
    for i, g in enumerate(gold):
        unused[(g.start, g.end)].append(i)
    pairs = []
    for j, p in enumerate(predicted):
        free = unused.get((p.start, p.end))
        if free:
            pairs.append((free.pop(0), j))
    return pairs


def relaxed_matches(gold, predicted):
    """Pairs (gold index, predicted index) of overlapping spans, one-to-one, greedy by largest overlap."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            shared = overlap(g, p)
            if shared > 0:
                exact = g.start == p.start and g.end == p.end
                candidates.append((-int(exact), -shared, i, j))
    candidates.sort()
    used_gold, used_predicted, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


# --- Scoring ----------------------------------------------------------------------------


class Tally:
    """Counts over all documents, and the errors behind them."""

    def __init__(self):
        self.gold = self.predicted = 0
        self.strict = self.relaxed = self.value_correct = self.type_correct = 0
        self.gold_found_as_other_type = 0  # gold in --types, relaxed-matched by a prediction outside
        self.predicted_on_other_type = 0  # prediction in --types, relaxed-matched to gold outside
        self.missed = []  # (gold Timex, doc)
        self.spurious = []  # (predicted Timex, doc)
        self.wrong_value = []  # (gold Timex, predicted Timex, doc)
        self.span_mismatch = []  # (gold Timex, predicted Timex, doc)

    def add_document(self, doc, predictions, types):
        gold = [t for t in doc.gold if t.type in types]
        predicted = [t for t in predictions if t.type in types]
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.strict += len(strict_matches(gold, predicted))
        relaxed = relaxed_matches(gold, predicted)
        self.relaxed += len(relaxed)
        matched_gold = {i for i, _ in relaxed}
        matched_predicted = {j for _, j in relaxed}
        for i, j in relaxed:
            g, p = gold[i], predicted[j]
            if g.value == p.value:
                self.value_correct += 1
            else:
                self.wrong_value.append((g, p, doc))
            if g.type == p.type:
                self.type_correct += 1
            if (g.start, g.end) != (p.start, p.end):
                self.span_mismatch.append((g, p, doc))
        self.missed += [(g, doc) for i, g in enumerate(gold) if i not in matched_gold]
        self.spurious += [(p, doc) for j, p in enumerate(predicted) if j not in matched_predicted]
        # Relaxed matching over all types, to see expressions found with another type.
        for i, j in relaxed_matches(doc.gold, predictions):
            g_in, p_in = doc.gold[i].type in types, predictions[j].type in types
            if g_in and not p_in:
                self.gold_found_as_other_type += 1
            elif p_in and not g_in:
                self.predicted_on_other_type += 1


def prf(correct, predicted, gold):
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def figures(tally, types, documents, no_dct, text_bytes, binary_seconds):
    """The scores as one dict (the --json output)."""
    def row(correct):
        p, r, f = prf(correct, tally.predicted, tally.gold)
        return {"correct": correct, "predicted": tally.predicted, "gold": tally.gold,
                "precision": p, "recall": r, "f1": f}

    megabytes = text_bytes / 1e6
    return {
        "types": sorted(types),
        "documents": documents,
        "documents_without_creation_time": no_dct,
        "strict": row(tally.strict),
        "relaxed": row(tally.relaxed),
        "value": row(tally.value_correct),
        "value_accuracy": tally.value_correct / tally.relaxed if tally.relaxed else 0.0,
        "type": row(tally.type_correct),
        "type_accuracy": tally.type_correct / tally.relaxed if tally.relaxed else 0.0,
        "gold_found_as_other_type": tally.gold_found_as_other_type,
        "predicted_on_other_type": tally.predicted_on_other_type,
        "text_mb": megabytes,
        "binary_seconds": binary_seconds,
        "mb_per_second": megabytes / binary_seconds if binary_seconds else None,
    }


# --- Errors -----------------------------------------------------------------------------


def where(doc):
    return f"{doc.name} (DCT {doc.dct or 'none'})"


def grouped_errors(tally, limit):
    """Each error kind: its total and its `limit` most common groups, with a few examples each."""
    kinds = {
        "missed gold expressions": (
            tally.missed, lambda e: e[0].text.lower(),
            lambda e: f"{e[0].type} {e[0].value} in {where(e[1])}"),
        "spurious predictions": (
            tally.spurious, lambda e: e[0].text,
            lambda e: f"{e[0].type} {e[0].value} in {where(e[1])}"),
        "wrong values": (
            tally.wrong_value, lambda e: e[0].text.lower(),
            lambda e: f"gold {e[0].value}, predicted {e[1].value} ({e[1].text!r}), {where(e[2])}"),
        "span mismatches (relaxed but not strict)": (
            tally.span_mismatch, lambda e: f"{e[0].text.lower()} / {e[1].text.lower()}",
            lambda e: f"gold {e[0].text!r}, predicted {e[1].text!r} in {e[2].name}"),
    }
    out = {}
    for kind, (errors, key, describe) in kinds.items():
        groups = defaultdict(list)
        for e in errors:
            groups[key(e)].append(e)
        common = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
        out[kind] = {
            "total": len(errors),
            "groups": [{"text": k, "count": len(v), "examples": [describe(e) for e in v[:EXAMPLES_PER_GROUP]]}
                       for k, v in common],
        }
    return out


# --- Output -----------------------------------------------------------------------------


def markdown_cell(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def print_table(fig):
    types = ",".join(fig["types"])
    print(f"TempEval-3 Task A on TBAQ-cleaned, types {types}: {fig['documents']} documents "
          f"({fig['documents_without_creation_time']} without a creation time)\n")
    print("| measure | correct | predicted | gold | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = [("strict extraction", "strict"), ("relaxed extraction", "relaxed"), ("value", "value")]
    if len(fig["types"]) > 1:
        rows.append(("type", "type"))
    for label, key in rows:
        r = fig[key]
        print(f"| {label} | {r['correct']} | {r['predicted']} | {r['gold']} | "
              f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
    print()
    print(f"value accuracy over relaxed matches: {fig['value_accuracy']:.3f} "
          f"({fig['value']['correct']}/{fig['relaxed']['correct']})")
    if len(fig["types"]) > 1:
        print(f"type accuracy over relaxed matches: {fig['type_accuracy']:.3f}")
    print(f"gold {types} matched (relaxed) only by a prediction of another type: {fig['gold_found_as_other_type']}")
    print(f"predicted {types} matched (relaxed) only to gold of another type: {fig['predicted_on_other_type']}")
    speed = f"{fig['mb_per_second']:.3f} MB/s" if fig["mb_per_second"] else "n/a"
    print(f"text {fig['text_mb']:.3f} MB, {fig['binary_seconds']:.2f} s inside the binary, {speed} "
          "(process start-up included)")


def print_errors(errors):
    for kind, info in errors.items():
        print(f"\n### {kind}: {info['total']}")
        if not info["groups"]:
            continue
        print("\n| count | text | examples |")
        print("|---:|---|---|")
        for g in info["groups"]:
            examples = "; ".join(g["examples"])
            print(f"| {g['count']} | {markdown_cell(g['text'])} | {markdown_cell(examples)} |")


# --- Main -------------------------------------------------------------------------------


def parse_types(spec):
    if spec.strip().upper() == "ALL":
        return set(TIMEX_TYPES)
    types = {t.strip().upper() for t in spec.split(",") if t.strip()}
    unknown = types - set(TIMEX_TYPES)
    if not types or unknown:
        raise argparse.ArgumentTypeError(f"--types takes a comma list of {', '.join(TIMEX_TYPES)}, or ALL")
    return types


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", help="the storydesk binary")
    parser.add_argument("data_dir", help="the tempeval3 folder, holding TBAQ-cleaned/{TimeBank,AQUAINT}")
    parser.add_argument("--types", type=parse_types, default={"DATE"},
                        help="TIMEX3 types to score: a comma list of DATE,TIME,DURATION,SET, or ALL (default DATE)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="show the N most common errors of each kind")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed per binary call")
    args = parser.parse_args()

    paths = find_tml_files(args.data_dir)
    if not paths:
        sys.exit(f"error: no .tml files under {args.data_dir}/TBAQ-cleaned")
    tally = Tally()
    no_dct = 0
    text_bytes = 0
    binary_seconds = 0.0
    with tempfile.TemporaryDirectory() as workdir:
        for path in paths:
            try:
                doc = read_tml(path, args.data_dir)
            except ET.ParseError as e:
                sys.exit(f"error: {path} is not well-formed XML: {e}")
            if doc.dct is None:
                no_dct += 1
                print(f"note: {doc.name}: {doc.dct_problem}; running without --published", file=sys.stderr)
            text_bytes += len(doc.text.encode("utf-8"))
            predictions, seconds = run_timex(args.binary, doc, workdir, args.timeout)
            binary_seconds += seconds
            tally.add_document(doc, predictions, args.types)

    fig = figures(tally, args.types, len(paths), no_dct, text_bytes, binary_seconds)
    errors = grouped_errors(tally, args.errors) if args.errors > 0 else None
    if args.json:
        if errors is not None:
            fig["errors"] = errors
        print(json.dumps(fig, indent=2))
    else:
        print_table(fig)
        if errors is not None:
            print_errors(errors)


if __name__ == "__main__":
    main()
