#!/usr/bin/env python3
"""Leave-topics-out cross-validation of storydesk's story model.

The gold topics are split into K folds (topic i goes to fold i mod K, topics in sorted order).
For each fold a model is trained with `storydesk train` on the other folds (plus any extra
training sets); then the whole set is grouped with `storydesk cluster --model` — so the fold's
articles meet every distractor of the set, as in a real stream — and the fold's articles keep
their assignment. The folds' assignments are joined (story labels kept apart per fold) and
scored once with `storydesk eval`, so no article is ever placed by a model that saw its topic.

  scripts/leave_topics_out.py --data ../shared/data/ecbplus \
      --extra ../shared/data/allsides-train [--folds 5] [--binary build/storydesk]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from jsonl_files import read_jsonl, write_jsonl


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="a set with articles.jsonl and gold.jsonl with a topic field")
    parser.add_argument("--extra", action="append", default=[], help="a training set added to every fold")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--binary", default="build/storydesk")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()

    gold = read_jsonl(os.path.join(args.data, "gold.jsonl"))
    articles = read_jsonl(os.path.join(args.data, "articles.jsonl"))
    if any("topic" not in g for g in gold):
        sys.exit(f"{args.data}/gold.jsonl: every line needs a topic")
    topics = sorted({g["topic"] for g in gold}, key=lambda t: (len(str(t)), str(t)))
    fold_of_topic = {t: i % args.folds for i, t in enumerate(topics)}
    fold_of_id = {g["id"]: fold_of_topic[g["topic"]] for g in gold}

    predictions = []
    with tempfile.TemporaryDirectory(prefix="storydesk-cv-") as tmp:
        for fold in range(args.folds):
            train_gold = os.path.join(tmp, f"train-gold-{fold}.jsonl")
            train_articles = os.path.join(tmp, f"train-articles-{fold}.jsonl")
            model = os.path.join(tmp, f"model-{fold}.tsv")
            write_jsonl(train_gold, [g for g in gold if fold_of_id[g["id"]] != fold])
            write_jsonl(train_articles, [a for a in articles if fold_of_id.get(a["id"], -1) != fold])
            command = [args.binary, "train", "--gold", train_gold]
            inputs = [train_articles]
            for extra in args.extra:
                command += ["--gold", os.path.join(extra, "gold.jsonl")]
                inputs.append(os.path.join(extra, "articles.jsonl"))
            subprocess.run(command + inputs + ["-o", model], check=True, stderr=subprocess.DEVNULL)
            out = subprocess.run([args.binary, "cluster", "--model", model, os.path.join(args.data, "articles.jsonl")],
                                 check=True, capture_output=True, text=True).stdout
            for line in out.splitlines():
                row = json.loads(line)
                if fold_of_id.get(row["id"], -1) == fold:
                    predictions.append({"id": row["id"], "story": f"{fold}:{row['story']}"})
        predicted = os.path.join(tmp, "predicted.jsonl")
        write_jsonl(predicted, predictions)
        command = [args.binary, "eval", "--gold", os.path.join(args.data, "gold.jsonl"), predicted]
        if args.json:
            command.append("--json")
        print(f"leave-topics-out, {args.folds} folds over {len(topics)} topics"
              + (f", extra training: {', '.join(args.extra)}" if args.extra else ""), file=sys.stderr)
        sys.stdout.write(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
