#!/usr/bin/env bash
# Distributed ingest on one machine, to try it: a 3-node NATS JetStream cluster and a PostgreSQL
# server in a temporary folder (loopback and a Unix socket only; no system service touched),
# two `storydesk worker`s, `storydesk publish` of a corpus, then the stories from the store.
# Everything is stopped and removed at the end (or on Ctrl-C).
#
#   bash scripts/distributed_demo.sh [build/storydesk] [examples]
set -euo pipefail
bin=$(realpath "${1:-build/storydesk}")
corpus=${2:-examples}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
command -v nats-server >/dev/null || { echo "nats-server is not installed (apt-get install nats-server)"; exit 1; }
[[ -x "$pgbin/pg_ctl" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }

dir=$(mktemp -d /tmp/storydesk-demo.XXXXXX)
as_pg=()
if [[ $(id -u) == 0 ]]; then as_pg=(runuser -u postgres --); chown postgres "$dir"; fi
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

# 1. NATS: three nodes routed to each other, JetStream on each.
base=$((20000 + RANDOM % 20000))
routes="nats://127.0.0.1:$((base + 100)),nats://127.0.0.1:$((base + 101)),nats://127.0.0.1:$((base + 102))"
for i in 0 1 2; do
  nats-server -js -sd "$dir/js$i" -n "n$i" -a 127.0.0.1 -p $((base + i)) --cluster_name storydesk \
    --cluster "nats://127.0.0.1:$((base + 100 + i))" --routes "$routes" >"$dir/nats$i.log" 2>&1 &
  pids+=($!)
done
export STORYDESK_NATS="nats://127.0.0.1:$base,nats://127.0.0.1:$((base + 1)),nats://127.0.0.1:$((base + 2))"

# 2. PostgreSQL on a socket in the folder.
"${as_pg[@]}" "$pgbin/initdb" -D "$dir/pg" -A trust -U storydesk -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w \
  -o "-k $dir -c listen_addresses='' -c fsync=off" start >/dev/null
"${as_pg[@]}" "$pgbin/createdb" -h "$dir" -U storydesk news
export STORYDESK_STORE="postgresql:///news?host=$dir&user=storydesk"
sleep 2  # the NATS nodes elect a JetStream leader

# 3. Two workers (each analyses; one at a time assigns stories), then publish.
for w in 1 2; do
  "$bin" worker --threads 1 2>"$dir/worker$w.log" &
  pids+=($!)
done
published=$("$bin" publish "$corpus")
echo "$published"
want=$(sed -E 's/^published ([0-9]+) articles.*/\1/' <<<"$published")
for _ in $(seq 1 300); do  # until the assigner has stored them all (a minute at most)
  stored=$("$bin" check 2>/dev/null | sed -E 's/.*: ([0-9]+) articles,.*/\1/' || echo 0)
  [[ "$stored" =~ ^[0-9]+$ && "$stored" -ge "$want" ]] && break
  sleep 0.2
done
"$bin" stories
echo
cat "$dir"/worker*.log
