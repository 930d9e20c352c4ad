#!/usr/bin/env python3
"""Scores `storydesk quotes` on PolNeAR (Newell, Margolin & Ruths, LREC 2018; brat standoff).

  scripts/score_quotes.py BINARY DATA_DIR/polnear [--split dev|train] [--errors N]

Gold: each article's first annotation file in name order (some articles have several
annotators). A relation's content is the set of its characters' code-point positions,
whitespace left out, so a quote split by its attribution ("A," he said, "B.") is the set of
both pieces. A content is a direct quote when, trimmed, its extent opens with a double
quotation mark (" “ '' ``) and closes with one (" ” '').

Scores (printed as one JSON object):
  - content F1, exact (the same set) and overlap (each set at least half inside the other),
    for direct quotes and for all attributions; pairs are matched one to one, largest
    intersection first;
  - speaker accuracy: of the overlap-matched pairs whose gold relation has a source, the share
    whose predicted speaker mention overlaps the gold source span ("he" is right where the gold
    source is "he": the mention, not the resolved name, is what PolNeAR marks).
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

T_LINE = re.compile(r'^(T\d+)\t(\S+) ([\d ;]+)\t')
E_LINE = re.compile(r'^(E\d+)\t(.*)$')
OPENING = ('"', '\u201c', "''", '``')
CLOSING = ('"', '\u201d', "''")


def parse_ann(path):
    spans, relations = {}, []
    with open(path, encoding='utf-8', newline='') as f:
        for line in f.read().split('\n'):
            m = T_LINE.match(line)
            if m:
                spans[m.group(1)] = sorted(tuple(map(int, p.split())) for p in m.group(3).split(';'))
                continue
            m = E_LINE.match(line)
            if m:
                roles = dict(part.split(':', 1) for part in m.group(2).split()[1:])
                relations.append(roles)
    out = []
    for roles in relations:
        if 'Content' not in roles or roles['Content'] not in spans:
            continue
        out.append({'content': spans[roles['Content']],
                    'source': spans.get(roles.get('Source', ''), [])})
    return out


def positions(text, pieces):
    return frozenset(i for s, e in pieces for i in range(s, min(e, len(text))) if not text[i].isspace())


def is_direct(text, pieces):
    extent = text[min(s for s, _ in pieces):max(e for _, e in pieces)].strip()
    return len(extent) >= 2 and extent.startswith(OPENING) and extent.endswith(CLOSING)


def match(gold, predicted, overlap):
    """One-to-one pairs (gold index, predicted index), largest intersection first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            common = len(g & p)
            if common == 0:
                continue
            if overlap:
                if common * 2 < len(g) or common * 2 < len(p):
                    continue
            elif g != p:
                continue
            candidates.append((common, gi, pi))
    candidates.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def prf(correct, gold, predicted):
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return {'precision': round(p, 4), 'recall': round(r, 4), 'f1': round(2 * p * r / (p + r), 4) if p + r else 0.0,
            'gold': gold, 'predicted': predicted, 'correct': correct}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('binary')
    ap.add_argument('polnear')
    ap.add_argument('--split', default='dev', choices=['dev', 'train'])
    ap.add_argument('--errors', type=int, default=0, help='print this many missed and spurious direct quotes')
    args = ap.parse_args()
    ann_files = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(args.polnear, args.split, 'attributions', '*.ann'))):
        article = os.path.basename(path)[:-4].rsplit('_', 1)[0]
        ann_files[article].append(path)
    if not ann_files:
        sys.exit(f'{args.polnear}/{args.split}/attributions: no .ann files')
    articles = sorted(ann_files)
    text_paths = [os.path.join(args.polnear, args.split, 'text', a + '.txt') for a in articles]
    run = subprocess.run([args.binary, 'quotes', '--format', 'json'] + text_paths + ([text_paths[0]] if len(text_paths) == 1 else []),
                         capture_output=True, text=True, check=True)
    predicted_by_file = collections.defaultdict(list)
    for line in run.stdout.splitlines():
        p = json.loads(line)
        predicted_by_file[p['file']].append(p)

    counts = collections.Counter()
    errors = []
    for article, path in zip(articles, text_paths):
        with open(path, encoding='utf-8', newline='') as f:
            text = f.read()
        gold = parse_ann(ann_files[article][0])
        predicted = predicted_by_file.get(path, [])
        if len(text_paths) == 1:
            predicted = predicted[:len(predicted) // 2]
        g_sets = [positions(text, g['content']) for g in gold]
        g_direct = [is_direct(text, g['content']) for g in gold]
        p_pieces = [p.get('pieces') or [[p['start'], p['end']]] for p in predicted]
        p_sets = [positions(text, pieces) for pieces in p_pieces]
        p_direct = [p['kind'] == 'direct' for p in predicted]
        for subset in ('direct', 'all'):
            gi_all = [i for i in range(len(gold)) if subset == 'all' or g_direct[i]]
            pi_all = [i for i in range(len(predicted)) if subset == 'all' or p_direct[i]]
            counts[subset, 'gold'] += len(gi_all)
            counts[subset, 'predicted'] += len(pi_all)
            for overlap in (False, True):
                pairs = match([g_sets[i] for i in gi_all], [p_sets[i] for i in pi_all], overlap)
                counts[subset, overlap, 'correct'] += len(pairs)
                if not overlap:
                    continue
                for a, b in pairs:
                    g, p = gold[gi_all[a]], predicted[pi_all[b]]
                    if not g['source']:
                        continue
                    counts[subset, 'with_source'] += 1
                    if p['speaker_start'] is not None and positions(text, g['source']) & positions(
                            text, [[p['speaker_start'], p['speaker_end']]]):
                        counts[subset, 'speaker_right'] += 1
                    elif subset == 'direct':
                        errors.append(('speaker', article, text[p['start']:p['end']][:90],
                                       ' | '.join(text[s:e] for s, e in g['source']), p['speaker']))
                if subset == 'direct':
                    matched_g = {gi_all[a] for a, _ in pairs}
                    matched_p = {pi_all[b] for _, b in pairs}
                    for i in gi_all:
                        if i not in matched_g:
                            errors.append(('missed', article, ' … '.join(text[s:e] for s, e in gold[i]['content'])[:160]))
                    for i in pi_all:
                        if i not in matched_p:
                            errors.append(('spurious', article, text[predicted[i]['start']:predicted[i]['end']][:160]))
    result = {'split': args.split, 'articles': len(articles)}
    for subset in ('direct', 'all'):
        result[subset] = {
            'exact': prf(counts[subset, False, 'correct'], counts[subset, 'gold'], counts[subset, 'predicted']),
            'overlap': prf(counts[subset, True, 'correct'], counts[subset, 'gold'], counts[subset, 'predicted']),
            'speaker_accuracy': round(counts[subset, 'speaker_right'] / counts[subset, 'with_source'], 4)
            if counts[subset, 'with_source'] else None,
            'speaker_pairs': counts[subset, 'with_source'],
        }
    print(json.dumps(result, indent=1))
    if args.errors:
        by_kind = collections.defaultdict(list)
        for e in errors:
            by_kind[e[0]].append(e)
        for kind, items in by_kind.items():
            print(f'\n== {kind} ({len(items)})')
            for e in items[:args.errors]:
                print('  ' + ' || '.join(str(x).replace('\n', ' ') for x in e[1:]))


if __name__ == '__main__':
    main()
