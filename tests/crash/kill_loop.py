#!/usr/bin/env python3
"""Crash safety, proven by killing (issue 14): runs `storydesk ingest` on generated articles
(`storydesk synth`, our own text) and SIGKILLs it at random moments, at least MIN_KILLS
times within BUDGET seconds. After every kill:
  - the store opens and `storydesk check` finds it whole (integrity, stories, copies, index);
  - every article the killed process reported committed ("committed DONE of TOTAL") is stored;
  - no article is stored twice.
When a store is complete it is compared with an uninterrupted run and a new one begins. At the
end a last resumed run completes and its grouping is compared with the uninterrupted run's:
the same-story pairs may differ by at most MAX_PAIR_DIFF (a share of the pairs; see
docs/measurements.md, "Resumed ingests", for why a resumed engine is not bit-identical).

  kill_loop.py STORYDESK SOURCE_DIR [--articles N] [--min-kills K] [--budget S] [--max-pair-diff F]
Prints one summary line; exits 1 on any violation."""
import argparse
import contextlib
import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def run(binary, db, *args, check=True):
    r = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        fail(f"storydesk {' '.join(args)} exited {r.returncode}: {r.stderr.strip()} {r.stdout.strip()}")
    return r


def fail(message):
    print(f"kill_loop: FAIL: {message}")
    sys.exit(1)


def stored(db):
    """id -> story of every stored article; fails on an id stored twice. Read with Python's
    sqlite3 (read-only, no process to start: the loop's time goes to killing)."""
    out = {}
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as c:
        for article, story in c.execute("SELECT a.id, m.story_id FROM articles a "
                                        "LEFT JOIN memberships m ON m.article_id = a.id ORDER BY a.sequence"):
            if article in out:
                fail(f"article {article} is stored twice")
            out[article] = story
    return out


def same_story_pairs(assignment):
    groups = {}
    for article, story in assignment.items():
        groups.setdefault(story, []).append(article)
    pairs = set()
    for members in groups.values():
        pairs.update(itertools.combinations(sorted(members), 2))
    return pairs


def pair_difference(a, b):
    pa, pb = same_story_pairs(a), same_story_pairs(b)
    return len(pa ^ pb), max(1, len(pa))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("source")
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--min-kills", type=int, default=50)
    p.add_argument("--budget", type=float, default=90.0)
    p.add_argument("--max-pair-diff", type=float, default=0.01)
    p.add_argument("--seed", type=int, default=int(time.time()))
    a = p.parse_args()
    rng = random.Random(a.seed)
    start = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="storydesk-kill-") as tmp:
        stream = os.path.join(tmp, "stream.jsonl")
        with open(stream, "w") as f:
            # One article a minute or so, as a newsroom's day.
            days = max(1, a.articles // 1440)
            subprocess.run([a.binary, "synth", "--articles", str(a.articles), "--days", str(days)],
                           stdout=f, check=True)
        # synth writes in publication order (ties keep input order): a run's new articles are
        # committed in input order.
        order = [json.loads(line)["id"] for line in open(stream)]

        reference_db = os.path.join(tmp, "reference.db")
        t0 = time.monotonic()
        run(a.binary, reference_db, "ingest", stream)
        full_run = time.monotonic() - t0
        reference = stored(reference_db)

        kills = cycles = committed_total = 0
        worst_diff = 0.0
        db = None
        before = {}
        # Until enough kills are done or the budget is spent; then one last resumed run completes.
        while kills < a.min_kills and time.monotonic() - start < a.budget:
            if db is None:
                cycles += 1
                db = os.path.join(tmp, f"killed-{cycles}.db")
                before = {}
            fresh = [i for i in order if i not in before]
            log = os.path.join(tmp, "ingest.err")
            with open(log, "w") as err:
                proc = subprocess.Popen([a.binary, "--db", db, "ingest", "--batch-size", "50", "--log-commits",
                                         stream], stdout=subprocess.DEVNULL, stderr=err)
                try:
                    # Up to half a full run: a resumed run has less left to do, and the loop
                    # is there to kill, not to wait.
                    proc.wait(timeout=rng.uniform(0.02, full_run / 2))
                except subprocess.TimeoutExpired:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
            killed = proc.returncode == -signal.SIGKILL
            if not killed and proc.returncode != 0:
                fail(f"ingest exited {proc.returncode}: {open(log).read()}")
            kills += killed
            committed = 0
            for line in open(log):
                if line.startswith("storydesk: committed "):
                    done, total = line.split()[2], line.split()[4]
                    if int(total) != len(fresh):
                        fail(f"the run reported {total} new articles, {len(fresh)} were not stored")
                    committed = int(done)
            committed_total += committed
            if not os.path.exists(db):
                # Killed before it created the store: nothing can have been acknowledged.
                if committed > 0:
                    fail(f"kill {kills}: {committed} articles reported committed, but no store was created")
                continue
            r = run(a.binary, db, "check", check=False)
            if r.returncode != 0:
                fail(f"check after kill {kills}: {r.stdout.strip()} {r.stderr.strip()}")
            after = stored(db)
            lost = [i for i in fresh[:committed] if i not in after]
            if lost:
                fail(f"kill {kills}: {len(lost)} articles reported committed are not stored (first {lost[0]})")
            if not set(before) <= set(after):
                fail(f"kill {kills}: stored articles vanished")
            if len(after) == len(order):
                diff, pairs = pair_difference(reference, after)
                worst_diff = max(worst_diff, diff / pairs)
                db = None
            before = after

        # The last store (or a new one) resumed to the end: complete, whole, no duplicates.
        if db is None:
            db = os.path.join(tmp, "last.db")
        run(a.binary, db, "ingest", stream)
        r = run(a.binary, db, "check")
        final = stored(db)
        if sorted(final) != sorted(order):
            fail(f"the resumed store holds {len(final)} articles, expected {len(order)}")
        diff, pairs = pair_difference(reference, final)
        worst_diff = max(worst_diff, diff / pairs)
        elapsed = time.monotonic() - start
        print(f"kill_loop: {kills} kills in {cycles} stores, {committed_total} articles reported committed and "
              f"found, {elapsed:.1f} s (an uninterrupted run: {full_run:.2f} s), same-story pairs differing from "
              f"the uninterrupted run: at most {worst_diff:.2%} (last {diff} of {pairs}), seed {a.seed}")
        if kills < a.min_kills:
            fail(f"only {kills} kills within {a.budget:.0f} s (wanted {a.min_kills})")
        if worst_diff > a.max_pair_diff:
            fail(f"resumed grouping differs by {worst_diff:.2%} of same-story pairs (bound {a.max_pair_diff:.2%})")


if __name__ == "__main__":
    main()
