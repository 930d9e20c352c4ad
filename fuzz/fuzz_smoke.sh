#!/usr/bin/env bash
# A short libFuzzer run of every fuzz target (the CTest test fuzz_smoke, in `make test`):
# builds the targets with clang in BUILD_DIR (kept between runs, so later runs only relink)
# and runs each for STORYDESK_FUZZ_SECONDS (default 6) on a scratch copy of its seed corpus,
# single process. Fails on any crash, leak, sanitizer report or broken contract, naming the
# input (kept in BUILD_DIR/crashes). Prints SKIPPED and passes where clang or libFuzzer is
# missing: the corpus replays (fuzz_replay_*) still run there under gcc.
#
#   fuzz/fuzz_smoke.sh SOURCE_DIR BUILD_DIR TARGET...   (TARGET: seed_text, jsonl, ...)
set -euo pipefail

usage="usage: fuzz_smoke.sh SOURCE_DIR BUILD_DIR TARGET..."
src=${1:?$usage}
build=${2:?$usage}
shift 2
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || { echo "$usage"; exit 2; }
seconds=${STORYDESK_FUZZ_SECONDS:-6}

cxx=$(command -v clang++ || true)
if [ -z "$cxx" ]; then
  echo "SKIPPED: clang++ is not installed (libFuzzer ships with clang); the corpus replays still ran"
  exit 0
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$scratch/probe.cc"
if ! "$cxx" -fsanitize=fuzzer "$scratch/probe.cc" -o "$scratch/probe" 2>"$scratch/probe.log"; then
  echo "SKIPPED: $cxx cannot link libFuzzer (-fsanitize=fuzzer): $(head -n 1 "$scratch/probe.log")"
  exit 0
fi

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
start=$(date +%s)
# -O1: fast enough to fuzz, much faster to build than Release under the sanitizers.
if ! CXX="$cxx" cmake -S "$src" -B "$build" -DSTORYDESK_BUILD_FUZZ=ON -DSTORYDESK_BUILD_TESTS=OFF \
      -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" "${launcher[@]}" >"$scratch/configure.log" 2>&1; then
  tail -n 30 "$scratch/configure.log"
  echo "FAILED: configuring the fuzz build"
  exit 1
fi
if ! cmake --build "$build" --target fuzz_targets -j"$(nproc)" >"$scratch/build.log" 2>&1; then
  grep -E "error|Error" "$scratch/build.log" | head -n 30
  echo "FAILED: building the fuzz targets"
  exit 1
fi
echo "fuzz targets built in $(($(date +%s) - start)) s"

mkdir -p "$build/crashes"
failed=0
for name in "${targets[@]}"; do
  corpus="$scratch/corpus/$name"
  mkdir -p "$corpus"
  cp "$src/fuzz/corpus/$name/"* "$corpus/"
  log="$scratch/$name.log"
  if "$build/fuzz/${name}_fuzz" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$build/crashes/${name}-" "$corpus" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "$name: ${runs:-?} runs in ${seconds} s, ok"
  else
    failed=1
    echo "$name: FAILED"
    grep -E "ERROR|SUMMARY|Test unit written|==[0-9]+==" "$log" | head -n 20 || tail -n 20 "$log"
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "FAILED: inputs are in $build/crashes; replay one with $build/fuzz/NAME_fuzz FILE and add it to the reader's unit test"
  exit 1
fi
echo "fuzz smoke run passed in $(($(date +%s) - start)) s"
