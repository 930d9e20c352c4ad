#!/usr/bin/env bash
# Resource faults (issue 14): a full disk and a read-only database give one clear error line,
# exit 3 and an intact store. The disk is a small tmpfs mounted for the test, remounted
# read-only for the second half (as root, file modes do not stop writes; a read-only mount
# does). Prints SKIPPED and passes where mounting is not allowed.
#   resource_faults.sh STORYDESK SOURCE_DIR
set -u
BIN=$1
SRC=$2
WORK=$(mktemp -d)
MNT=$WORK/disk
mkdir -p "$MNT"
cleanup() {
  mountpoint -q "$MNT" && umount "$MNT"
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "resource_faults: FAIL: $*"; exit 1; }

if ! mount -t tmpfs -o size=1500k tmpfs "$MNT" 2>/dev/null; then
  echo "resource_faults: SKIPPED (cannot mount a tmpfs here; needs root and CAP_SYS_ADMIN)"
  exit 0
fi
DB=$MNT/s.db
"$BIN" synth --articles 3000 --days 2 > "$WORK/big.jsonl"   # ~5 MB: more than the disk holds

"$BIN" --db "$DB" ingest "$SRC/examples" > /dev/null || fail "the examples do not fit the small disk"
before=$("$BIN" --db "$DB" export) || fail "export"

# Full disk: one line naming the database and the cause, exit 3, the store whole.
"$BIN" --db "$DB" ingest "$WORK/big.jsonl" > "$WORK/out" 2> "$WORK/err"
rc=$?
[ "$rc" -eq 3 ] || fail "full disk: exit $rc, expected 3 ($(cat "$WORK/err"))"
[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "full disk: expected one error line, got: $(cat "$WORK/err")"
grep -q "^storydesk: $DB: .*disk is full; [0-9]* articles were stored before the failure$" "$WORK/err" ||
  fail "full disk: unclear message: $(cat "$WORK/err")"
"$BIN" --db "$DB" check > "$WORK/check" || fail "full disk: check: $(cat "$WORK/check")"
after=$("$BIN" --db "$DB" export) || fail "export after the full disk"
# Every example is still there with its story (batches that did commit may have added more).
while IFS= read -r line; do
  grep -qxF "$line" <<< "$after" || fail "full disk: lost or changed $line"
done <<< "$before"

# Read-only: one line saying so, exit 3, the file unchanged byte for byte.
mount -o remount,ro "$MNT" || fail "cannot remount read-only"
sum=$(sha256sum "$DB" | cut -d' ' -f1)
"$BIN" --db "$DB" ingest "$SRC/examples" > "$WORK/out" 2> "$WORK/err"
rc=$?
[ "$rc" -eq 3 ] || fail "read-only: exit $rc, expected 3"
[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "read-only: expected one error line, got: $(cat "$WORK/err")"
grep -q "^storydesk: $DB: cannot open the database: it is on a read-only file system" "$WORK/err" ||
  fail "read-only: unclear message: $(cat "$WORK/err")"
[ "$sum" = "$(sha256sum "$DB" | cut -d' ' -f1)" ] || fail "read-only: the file changed"
mount -o remount,rw "$MNT"
"$BIN" --db "$DB" check > "$WORK/check" || fail "after read-only: check: $(cat "$WORK/check")"
echo "resource_faults: full disk and read-only database: one-line errors, exit 3, stores intact"
