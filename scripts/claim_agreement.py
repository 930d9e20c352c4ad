#!/usr/bin/env python3
"""Agreement of two readings of the claim-support labels (data/claims/README.md).

Usage: scripts/claim_agreement.py [FIRST.tsv] [SECOND.tsv]
(defaults: data/claims/claim-support.tsv and data/claims/second-reading.tsv). Over the pairs
the second reading covers: exact agreement on the four labels; over the pairs neither reading
calls "na", the second reader's precision, recall and F1 of "yes" against the first's, Cohen's
kappa of "yes" against the rest, and of "yes or partial" against "no"; and the confusion table.
"""
import collections
import sys


def read(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] in ("set", "") or fields[0].startswith("#"):
                continue
            labels[tuple(fields[:5])] = fields[5]
    return labels


def kappa(pairs, positive):
    n = len(pairs)
    observed = sum(1 for a, b in pairs if positive(a) == positive(b)) / n
    pa = sum(1 for a, _ in pairs if positive(a)) / n
    pb = sum(1 for _, b in pairs if positive(b)) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected)


def main():
    first = read(sys.argv[1] if len(sys.argv) > 1 else "data/claims/claim-support.tsv")
    second = read(sys.argv[2] if len(sys.argv) > 2 else "data/claims/second-reading.tsv")
    missing = [k for k in second if k not in first]
    if missing:
        sys.exit(f"claim_agreement: {len(missing)} pairs of the second reading are not in the first, e.g. {missing[0]}")
    pairs = [(first[k], second[k]) for k in second]
    print(f"pairs read twice: {len(pairs)}; exact agreement {sum(a == b for a, b in pairs) / len(pairs):.3f}")
    claims = [(a, b) for a, b in pairs if a != "na" and b != "na"]
    tp = sum(1 for a, b in claims if a == "yes" and b == "yes")
    fp = sum(1 for a, b in claims if a != "yes" and b == "yes")
    fn = sum(1 for a, b in claims if a == "yes" and b != "yes")
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"neither na: {len(claims)}; second against first, yes: precision {p:.3f} recall {r:.3f} "
          f"F1 {2 * p * r / (p + r):.3f}")
    print(f"kappa, yes against the rest: {kappa(claims, lambda x: x == 'yes'):.3f}; "
          f"yes or partial against no: {kappa(claims, lambda x: x != 'no'):.3f}")
    print("first -> second:", ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(collections.Counter(pairs).items())))


if __name__ == "__main__":
    main()
