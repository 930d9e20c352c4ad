#!/usr/bin/env bash
# The clang-tidy check (.clang-tidy in the repository): no finding in our sources, tests and
# benchmarks, nor in the headers they include from this tree; the build's compile_commands.json
# gives the flags. Lists the findings and fails when there are any. About 10 minutes on 2 cores.
#   scripts/check_tidy.sh [BUILD_DIR]    (default build; it must have been configured)
#   TIDY_JOBS=N scripts/check_tidy.sh    runs N clang-tidy processes at once (default: nproc)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
jobs="${TIDY_JOBS:-$(nproc)}"

if [ ! -f "$build/compile_commands.json" ]; then
  echo "clang-tidy: no $build/compile_commands.json (configure the build first)" >&2
  exit 1
fi
root="$(pwd)"
# The build's flags are GCC's: clang-tidy ignores the warning options it does not know.
run-clang-tidy -p "$build" -j "$jobs" -quiet \
  -extra-arg=-Wno-unknown-warning-option \
  -header-filter="^$root/(src|include|tests|bench)/" \
  "^$root/(src|tests|bench)/" > /tmp/storydesk-tidy.$$ 2>&1 || true
# run-clang-tidy (14) always asks for colour: drop the escape codes before reading findings.
if sed 's/\x1b\[[0-9;]*m//g' /tmp/storydesk-tidy.$$ | grep -E '^/.*: (warning|error):' | sort -u > /tmp/storydesk-tidy-findings.$$ &&
   [ -s /tmp/storydesk-tidy-findings.$$ ]; then
  cat /tmp/storydesk-tidy-findings.$$
  echo "clang-tidy: $(wc -l < /tmp/storydesk-tidy-findings.$$) findings" >&2
  rm -f /tmp/storydesk-tidy.$$ /tmp/storydesk-tidy-findings.$$
  exit 1
fi
rm -f /tmp/storydesk-tidy.$$ /tmp/storydesk-tidy-findings.$$
echo "clang-tidy: no findings"
