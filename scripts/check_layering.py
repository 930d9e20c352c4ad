#!/usr/bin/env python3
"""The layering check of `make test`: the folders keep the shape DESIGN.md describes.

  python3 scripts/check_layering.py

Rules (each broken include is printed as FILE:LINE: what is wrong):
  1. include/storydesk/ is the core's only door: its headers include only other public headers.
  2. Adapters (src/adapters/, their tests included) include the core through storydesk/... only,
     never its private headers under src/core/.
  3. The core never includes an adapter.
  4. The core's folders depend on each other without a cycle (tests excluded: a test may use any
     folder); the levels found are printed, lowest first.
The core's own tests, the benchmarks, the fuzz targets and tests/ measure the core from inside
and may include its private headers (CMake target storydesk_core_internals).
"""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def sources(folder):
    for base, dirs, files in os.walk(os.path.join(ROOT, folder)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(('.h', '.cc')):
                yield os.path.join(base, name)


def includes(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1)


def area_of(header):
    """The core folder a project header belongs to, or None (storydesk/article.h, status.h…)."""
    parts = header.split('/')
    if parts[0] in ('storydesk', 'core') and len(parts) == 3:
        return parts[1]
    return None


def main():
    problems = []
    rel = lambda p: os.path.relpath(p, ROOT)
    for path in sources('include/storydesk'):
        for number, header in includes(path):
            if not header.startswith('storydesk/'):
                problems.append(f'{rel(path)}:{number}: a public header includes "{header}"')
    for path in sources('src/adapters'):
        for number, header in includes(path):
            if header.startswith('core/'):
                problems.append(f'{rel(path)}:{number}: an adapter includes the private core header "{header}" '
                                '(use or add a header under include/storydesk/)')
    edges = {}
    for folder in ('src/core', 'include/storydesk'):
        for path in sources(folder):
            relative = os.path.relpath(path, os.path.join(ROOT, folder)).split(os.sep)
            area = relative[0] if len(relative) == 2 else None
            for number, header in includes(path):
                if header.startswith('adapters/'):
                    problems.append(f'{rel(path)}:{number}: the core includes the adapter header "{header}"')
                target = area_of(header)
                if area and target and target != area and not path.endswith('_test.cc'):
                    edges.setdefault(area, {}).setdefault(target, f'{rel(path)}:{number}')
    # Kahn's algorithm: what is left when no folder is free of dependencies is a cycle.
    areas = set(edges) | {t for targets in edges.values() for t in targets}
    remaining = {a: set(edges.get(a, {})) for a in areas}
    order = []
    while True:
        free = sorted(a for a, deps in remaining.items() if not deps)
        if not free:
            break
        order.append(', '.join(free))
        for a in free:
            del remaining[a]
        for deps in remaining.values():
            deps.difference_update(free)
    # What is left depends on a cycle; prune, the same way backwards, the folders nothing left
    # depends on, so that only the folders of the cycle itself are reported.
    while True:
        needed = {t for deps in remaining.values() for t in deps}
        unneeded = [a for a in remaining if a not in needed]
        if not unneeded:
            break
        for a in unneeded:
            del remaining[a]
    for area in sorted(remaining):
        for target in sorted(remaining[area] & set(remaining)):
            problems.append(f'{edges[area][target]}: core/{area} includes core/{target}, '
                            'which depends back on it (a cycle between core folders)')
    if problems:
        print('\n'.join(problems), file=sys.stderr)
        print(f'layering: {len(problems)} problem(s)', file=sys.stderr)
        return 1
    print('layering: adapters use include/storydesk/ only; core folders by level: ' + ' < '.join(order))
    return 0


if __name__ == '__main__':
    sys.exit(main())
