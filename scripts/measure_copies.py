#!/usr/bin/env python3
"""Measures copy detection of `storydesk cluster` on real data: how many rewrites it catches, and
how many independent reports it wrongly calls copies.

  scripts/measure_copies.py [--data ../shared/data] [--seeds ../shared/seeds]
                            [--binary build/storydesk] [--json]

Paths given on the command line are relative to the current directory; the defaults are
relative to the repo. Markdown tables go to stdout; with --json a machine-readable summary is
printed instead. Each part whose data is absent is skipped with a message; the exit status is
non-zero only on real errors (binary missing or failing, unreadable output). Temporary input
files are written to a tempfile directory and removed afterwards; no data text is ever written
into the repo.

Data read (third-party, kept outside the repo, see ../shared/data/README.md):
  1. Translation rewrites — wmt21-translations-dev/lines.jsonl (WMT21 news test de→en: German
     news sentences with two independent human English translations ref_a / ref_b and three
     machine translations Facebook-AI / Online-B / UEdin; consecutive lines come from the same
     articles). Lines 250-499 are measured (lines 0-249 train the rewrite decision,
     scripts/rewrite_training_pairs.py): they are cut into consecutive, non-overlapping runs
     whose lengths cycle through 8, 10, 12 lines (a last run of fewer than 8 lines is left out:
     the target is about articles of 8+ sentences); a run rendered one way is one
     article, one line per paragraph. For each pair of renderings X/Y (ref_a/ref_b, each
     reference against each MT system) one stream is built: the X article of every run
     (published 2021-03-01, source "X", id "runNN-X"), then the Y article of every run
     (2021-03-02). Rewrite recall = share of Y articles whose copy_of is their own run's X
     article, any relation. Wrong matches = Y articles flagged as copies of another run's article,
     and X articles flagged as copies of each other (all X articles are different runs): both
     should be 0.
  2. False copies on independent reports — ecbplus/ and multinews-dev/ (articles.jsonl as is,
     gold.jsonl {"id","story"}). Copy family of an article = its copy_of if set, else itself.
     Among all unordered pairs of distinct articles in the same gold story, the share that fall in
     one copy family (target <= 1%; ECB+ does hold some real wire copies, so every flagged pair is
     listed with the first 100 characters of both texts for a person to judge), and the number of
     family pairs across different gold stories (should be ~0). The odd-numbered topics of ECB+
     train the rewrite decision, so its share is also given for the even topics alone.
  3. Seeds — ../shared/seeds, a directory of plain-text articles read by the binary: seeds 000
     and 002 (ids starting "000" / "002") should share a story and neither be flagged a copy.
"""
import argparse
import collections
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile

from jsonl_files import read_jsonl, write_jsonl

RUN_LENGTHS = (8, 10, 12)
FIRST_REPORTED_LINE = 250  # the lines before it are training data (rewrite_training_pairs.py)
REFS = ("ref_a", "ref_b")
MTS = ("Facebook-AI", "Online-B", "UEdin")
RELATIONS = ("exact", "near", "excerpt", "rewrite")


class MeasureError(Exception):
    """A real error: the binary failed or its output could not be read."""


def run_cluster(binary, path):
    """Runs `binary cluster path`; returns ({id: record}, [ids in output order], warning or None)."""
    proc = subprocess.run([binary, "cluster", path], capture_output=True, text=True)
    # Exit code 1 means "some input rejected": the rest is still valid, so report and go on.
    if proc.returncode not in (0, 1):
        raise MeasureError(f"`{binary} cluster {path}` exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    records, order = {}, []
    for number, line in enumerate(proc.stdout.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise MeasureError(f"`{binary} cluster {path}`: output line {number} is not JSON ({err})")
        records[rec["id"]] = rec
        order.append(rec["id"])
    warning = None
    if proc.returncode == 1:
        warning = f"{os.path.basename(path)}: some input rejected: {proc.stderr.strip()[:300]}"
    return records, order, warning


def family(rec):
    return rec["copy_of"] if rec.get("copy_of") else rec["id"]


def snippet(text, n=100):
    return " ".join((text or "").split())[:n]


def md_cell(s):
    return str(s).replace("|", "\\|")


def pct(num, den):
    return f"{100.0 * num / den:.1f}%" if den else "n/a"


# ---------------------------------------------------------------- 1. translation rewrites

def cut_runs(n_lines, start=0):
    runs, i = [], 0
    while start < n_lines:
        length = RUN_LENGTHS[i % len(RUN_LENGTHS)]
        runs.append((start, min(start + length, n_lines)))
        start += length
        i += 1
    if runs and runs[-1][1] - runs[-1][0] < min(RUN_LENGTHS):
        runs.pop()
    return runs


def rendering(line, name):
    return line["mt"][name] if name in MTS else line[name]


def measure_rewrites(binary, data, tmp):
    path = os.path.join(data, "wmt21-translations-dev", "lines.jsonl")
    if not os.path.exists(path):
        return {"skipped": f"{path} not found"}
    lines = sorted(read_jsonl(path), key=lambda l: l["line"])
    runs = cut_runs(len(lines), start=min(FIRST_REPORTED_LINE, len(lines)))
    pairs = [("ref_a", "ref_b")] + [(r, m) for r in REFS for m in MTS]
    results, warnings = [], []
    for x, y in pairs:
        articles = []
        for name, date in ((x, "2021-03-01"), (y, "2021-03-02")):
            for k, (lo, hi) in enumerate(runs):
                articles.append({"id": f"run{k:02d}-{name}", "source": name, "url": None, "published": date,
                                 "title": None,
                                 "text": "\n\n".join(rendering(l, name).strip() for l in lines[lo:hi])})
        stream = os.path.join(tmp, f"wmt-{x}-{y}.jsonl")
        write_jsonl(stream, articles)
        recs, _, warning = run_cluster(binary, stream)
        if warning:
            warnings.append(warning)
        found = wrong_y = wrong_x = same_story = missing = 0
        relations = collections.Counter()
        wrong = []
        for k in range(len(runs)):
            xid, yid = f"run{k:02d}-{x}", f"run{k:02d}-{y}"
            xr, yr = recs.get(xid), recs.get(yid)
            if xr is None or yr is None:
                missing += 1
                continue
            if xr["story"] == yr["story"]:
                same_story += 1
            if yr.get("copy_of") == xid:
                found += 1
                relations[yr["relation"]] += 1
            elif yr.get("copy_of"):
                wrong_y += 1
                wrong.append({"id": yid, "copy_of": yr["copy_of"], "relation": yr["relation"]})
            if xr.get("copy_of"):
                wrong_x += 1
                wrong.append({"id": xid, "copy_of": xr["copy_of"], "relation": xr["relation"]})
        results.append({"x": x, "y": y, "runs": len(runs), "found": found, "recall": found / len(runs),
                        "relations": {r: relations.get(r, 0) for r in RELATIONS},
                        "wrong_y": wrong_y, "wrong_x": wrong_x, "same_story": same_story,
                        "missing": missing, "wrong": wrong})
    return {"lines": len(lines) - min(FIRST_REPORTED_LINE, len(lines)), "run_lengths": [hi - lo for lo, hi in runs], "pairs": results,
            "warnings": warnings}


def summarise_rewrites(res):
    groups = {"ref / ref": [p for p in res["pairs"] if p["y"] in REFS],
              "ref / MT": [p for p in res["pairs"] if p["y"] in MTS],
              "overall": res["pairs"]}
    rows = []
    for key, ps in groups.items():
        n = sum(p["runs"] for p in ps)
        rows.append({"group": key, "runs": n, "found": sum(p["found"] for p in ps),
                     "recall": sum(p["found"] for p in ps) / n,
                     "relations": {r: sum(p["relations"][r] for p in ps) for r in RELATIONS},
                     "wrong_y": sum(p["wrong_y"] for p in ps), "wrong_x": sum(p["wrong_x"] for p in ps),
                     "same_story": sum(p["same_story"] for p in ps)})
    return rows


def print_rewrites(res):
    print("## 1. Translation rewrites (wmt21-translations-dev)\n")
    if "skipped" in res:
        print(f"Skipped: {res['skipped']}\n")
        return
    lengths = res["run_lengths"]
    print(f"{res['lines']} lines (from line {FIRST_REPORTED_LINE}) cut into {len(lengths)} runs (lengths cycling 8/10/12; last run "
          f"{lengths[-1]} lines; a shorter remainder is left out). One stream per rendering pair X / Y: every run's X article, then every "
          f"run's Y article a day later. Recall = Y article's copy_of is its own run's X article.\n")
    print("| X / Y | runs | caught | recall | exact | near | excerpt | rewrite | wrong: Y → other run | "
          "wrong: X → X | same story |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")

    def row(label, p):
        r = p["relations"]
        print(f"| {label} | {p['runs']} | {p['found']} | **{pct(p['found'], p['runs'])}** | {r['exact']} | "
              f"{r['near']} | {r['excerpt']} | {r['rewrite']} | {p['wrong_y']} | {p['wrong_x']} | "
              f"{pct(p['same_story'], p['runs'])} |")

    for p in res["pairs"]:
        row(f"{p['x']} / {p['y']}", p)
    for s in summarise_rewrites(res):
        row(f"*{s['group']}*", s)
    print()
    wrong = [(p["x"], p["y"], w) for p in res["pairs"] for w in p["wrong"]]
    if wrong:
        print("Wrong matches:\n")
        print("| stream | article | flagged copy of | relation |")
        print("|---|---|---|---|")
        for x, y, w in wrong:
            print(f"| {x} / {y} | {w['id']} | {w['copy_of']} | {w['relation']} |")
        print()
    missing = sum(p["missing"] for p in res["pairs"])
    if missing:
        print(f"Warning: {missing} runs had an article missing from the output.\n")
    for w in res["warnings"]:
        print(f"Warning: {w}\n")


# ---------------------------------------------------------------- 2. independent reports

def measure_false_copies(binary, data, name):
    art_path = os.path.join(data, name, "articles.jsonl")
    gold_path = os.path.join(data, name, "gold.jsonl")
    if not (os.path.exists(art_path) and os.path.exists(gold_path)):
        return {"set": name, "skipped": f"{art_path} or {gold_path} not found"}
    texts = {a["id"]: a.get("text") for a in read_jsonl(art_path)}
    gold_rows = read_jsonl(gold_path)
    gold = {g["id"]: g["story"] for g in gold_rows}
    # ECB+'s odd topics train the rewrite decision: its even topics are the held-out part.
    held_out = {g["id"] for g in gold_rows if name != "ecbplus" or int(g.get("topic", 0)) % 2 == 0}
    recs, _, warning = run_cluster(binary, art_path)
    ids = [i for i in texts if i in recs and i in gold]
    by_story = collections.defaultdict(list)
    for i in ids:
        by_story[gold[i]].append(i)
    same_story_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_story.values())
    held_out_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_story.values() if v[0] in held_out)
    families = collections.defaultdict(list)
    for i in ids:
        families[family(recs[i])].append(i)
    flagged, cross = [], []
    for members in families.values():
        for a, b in itertools.combinations(members, 2):
            ra, rb = recs[a], recs[b]
            if rb.get("copy_of") == a:
                rel = rb["relation"]
            elif ra.get("copy_of") == b:
                rel = ra["relation"]
            else:
                rel = f"both copies of {family(ra)} ({ra['relation']} / {rb['relation']})"
            pair = {"a": a, "b": b, "relation": rel, "story_a": gold[a], "story_b": gold[b],
                    "text_a": snippet(texts[a]), "text_b": snippet(texts[b])}
            (flagged if gold[a] == gold[b] else cross).append(pair)
    copies = collections.Counter(recs[i]["relation"] for i in ids if recs[i].get("copy_of"))
    return {"set": name, "articles": len(ids), "gold_stories": len(by_story),
            "same_story_pairs": same_story_pairs, "flagged_pairs": len(flagged),
            "flagged_share": len(flagged) / same_story_pairs if same_story_pairs else None,
            "held_out_pairs": held_out_pairs,
            "held_out_flagged": sum(1 for p in flagged if p["a"] in held_out),
            "cross_story_family_pairs": len(cross), "copies_by_relation": dict(copies),
            "flagged": flagged, "cross": cross, "warning": warning,
            "unscored": len(texts) - len(ids)}


def print_false_copies(results):
    print("## 2. False copies on independent reports\n")
    print("Pairs of distinct articles in the same gold story that storydesk puts in one copy family "
          "(target ≤ 1%), and family pairs across gold stories (should be ~0).\n")
    print("| set | articles | gold stories | same-story pairs | flagged pairs | flagged share | "
          "held out: flagged / pairs | cross-story family pairs | copies flagged (by relation) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        if "skipped" in r:
            print(f"| {r['set']} | skipped: {md_cell(r['skipped'])} | | | | | | | |")
            continue
        rels = ", ".join(f"{k} {v}" for k, v in sorted(r["copies_by_relation"].items())) or "none"
        held = f"{r['held_out_flagged']} / {r['held_out_pairs']} = {pct(r['held_out_flagged'], r['held_out_pairs'])}"
        print(f"| {r['set']} | {r['articles']} | {r['gold_stories']} | {r['same_story_pairs']} | "
              f"{r['flagged_pairs']} | **{pct(r['flagged_pairs'], r['same_story_pairs'])}** | {held} | "
              f"{r['cross_story_family_pairs']} | {rels} |")
    print()
    for r in results:
        if "skipped" in r:
            continue
        for title, pairs in (("flagged same-story pairs", r["flagged"]),
                             ("cross-story family pairs", r["cross"])):
            if not pairs:
                continue
            note = " (ECB+ texts open with their source URL)" if r["set"] == "ecbplus" else ""
            print(f"{r['set']}: {title} — inspect whether each is a real wire copy{note}:\n")
            print("| A | B | relation | A text (first 100 chars) | B text (first 100 chars) |")
            print("|---|---|---|---|---|")
            for p in pairs:
                print(f"| {p['a']} | {p['b']} | {md_cell(p['relation'])} | {md_cell(p['text_a'])} | "
                      f"{md_cell(p['text_b'])} |")
            print()
        if r["unscored"]:
            print(f"Warning: {r['set']}: {r['unscored']} articles missing from the output or the gold.\n")
        if r["warning"]:
            print(f"Warning: {r['warning']}\n")


# ---------------------------------------------------------------- 3. seeds

def measure_seeds(binary, seeds):
    if not os.path.isdir(seeds):
        return {"skipped": f"{seeds} not found"}
    recs, order, warning = run_cluster(binary, seeds)
    found = {}
    for prefix in ("000", "002"):
        match = [i for i in order if i.startswith(prefix)]
        if not match:
            return {"skipped": f"no article whose id starts with {prefix} in the output for {seeds}",
                    "warning": warning}
        found[prefix] = recs[match[0]]
    a, b = found["000"], found["002"]
    same = a["story"] == b["story"]
    copy = bool(a.get("copy_of") or b.get("copy_of"))
    return {"articles": len(order), "id_000": a["id"], "id_002": b["id"], "same_story": same,
            "copy_flagged": copy, "relation_000": a["relation"], "relation_002": b["relation"],
            "as_expected": same and not copy, "warning": warning}


def print_seeds(res):
    print("## 3. Seeds (../shared/seeds)\n")
    if "skipped" in res:
        print(f"Skipped: {res['skipped']}\n")
        return
    print("| check | expected | result |")
    print("|---|---|---|")
    print(f"| 000 and 002 in the same story | yes | {'yes' if res['same_story'] else '**no**'} |")
    rel = f"**yes** (000: {res['relation_000']}, 002: {res['relation_002']})" if res["copy_flagged"] else "no"
    print(f"| either flagged as a copy | no | {rel} |")
    print(f"| as expected | yes | {'yes' if res['as_expected'] else '**no**'} |")
    print()
    if res.get("warning"):
        print(f"Warning: {res['warning']}\n")


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data", help="labelled data folder (default: %(default)s)")
    parser.add_argument("--seeds", default="../shared/seeds", help="seed articles folder (default: %(default)s)")
    parser.add_argument("--binary", default="build/storydesk", help="storydesk binary (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary instead of tables")
    args = parser.parse_args()
    # The defaults are relative to the repo, so the script works from any directory.
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name in ("data", "seeds", "binary"):
        if getattr(args, name) == parser.get_default(name):
            path = os.path.join(repo, parser.get_default(name))
            rel = os.path.relpath(path)
            setattr(args, name, path if rel.startswith("..") else rel)

    if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
        print(f"error: storydesk binary {args.binary} not found or not executable; build it (make) "
              f"or pass --binary", file=sys.stderr)
        return 2
    if not os.path.isdir(args.data):
        print(f"note: data folder {args.data} not found; measurements 1 and 2 are skipped", file=sys.stderr)

    try:
        with tempfile.TemporaryDirectory(prefix="measure_copies-") as tmp:
            rewrites = measure_rewrites(args.binary, args.data, tmp)
        independent = [measure_false_copies(args.binary, args.data, name) for name in ("ecbplus", "multinews-dev")]
        seeds = measure_seeds(args.binary, args.seeds)
    except (MeasureError, OSError, json.JSONDecodeError, KeyError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1

    if args.json:
        summary = {"binary": args.binary, "rewrites": rewrites, "independent_reports": independent, "seeds": seeds}
        if "skipped" not in rewrites:
            summary["rewrites"]["summary"] = summarise_rewrites(rewrites)
        json.dump(summary, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(f"# Copy detection of {args.binary}\n")
        print_rewrites(rewrites)
        print_false_copies(independent)
        print_seeds(seeds)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet exit when piped into head
    sys.exit(main())
