#!/usr/bin/env bash
# The formatting check of `make test`, with the configuration kept in the repository
# (.clang-format): every C++ file tracked by git is formatted. Lists the files that are not.
#   scripts/check_format.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h')
else  # a copy without .git: the source folders
  mapfile -t files < <(find src include tests bench fuzz -name '*.cc' -o -name '*.h' 2> /dev/null | sort)
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/storydesk-format.$$; then
  grep -E '(warning|error):' /tmp/storydesk-format.$$ | cut -d: -f1 | sort | uniq -c | sed 's/^/  /'
  rm -f /tmp/storydesk-format.$$
  echo "clang-format: the files above are not formatted (fix: clang-format -i FILE)" >&2
  exit 1
fi
rm -f /tmp/storydesk-format.$$
echo "clang-format: ${#files[@]} files formatted"

