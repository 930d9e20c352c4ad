#!/usr/bin/env python3
"""The publication dates the HTML reader finds on html-extraction-dev against our labels
(data/page-dates/page-dates.tsv, made by reading each page: see its README).
  scripts/score_page_dates.py BINARY PAGES_DIR LABELS [--json] [--list]
Prints pages, found, right by day (the reader's date has the labelled day) and right by instant
(the reader's time falls on the labelled day in some zone from UTC-12 to UTC+14)."""
import argparse
import datetime
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("pages")
    parser.add_argument("labels")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", action="store_true", help="print each page that is wrong")
    args = parser.parse_args()
    labels = {}
    with open(args.labels, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            labels[fields[0]] = fields[1]
    files = [os.path.join(args.pages, name) for name in sorted(os.listdir(args.pages))
             if name.split(".")[0] in labels]
    out = subprocess.run([args.binary, "extract", "--format", "json"] + files,
                         check=False, capture_output=True, text=True).stdout
    pages = found = by_day = by_instant = 0
    for line in out.splitlines():
        page = json.loads(line)
        pid = os.path.basename(page["file"]).split(".")[0]
        want = labels[pid]
        got = page["published"] or ""
        pages += 1
        found += bool(got)
        if got[:10] == want:
            by_day += 1
            by_instant += 1
            continue
        if len(got) > 10:
            t = datetime.datetime.fromisoformat(got.replace("Z", "+00:00"))
            days = {t.astimezone(datetime.timezone(datetime.timedelta(hours=h))).date().isoformat()
                    for h in range(-12, 15)}
            if want in days:
                by_instant += 1
                continue
        if args.list:
            print(f"{pid}  found {got or 'nothing'} ({page['published_from'] or '-'}), labelled {want}", file=sys.stderr)
    missing = len(labels) - pages
    scores = {"pages": pages, "missing": missing, "found": found, "right_by_day": by_day, "right_by_instant": by_instant,
              "day_accuracy": by_day / len(labels), "instant_accuracy": by_instant / len(labels)}
    if args.json:
        print(json.dumps(scores))
    else:
        print(f"pages {pages} (missing {missing}), found {found}, right by day {by_day} ({scores['day_accuracy']:.3f}), "
              f"right by instant {by_instant} ({scores['instant_accuracy']:.3f})")


if __name__ == "__main__":
    main()
