#!/usr/bin/env bash
# First inbox page of the largest team among REPLIES stored replies, on SQLite or PostgreSQL, with wrk at one
# connection (latency) and 16 (throughput). With BASELINE=<git ref> the same database is also served by that
# commit's API, alternating baseline/change per round, so both see the same machine load.
#   benchmarks/http/inbox-at-scale.sh                                   # SQLite, 1,000,000 replies, this tree only
#   BASELINE=main ROUNDS=2 benchmarks/http/inbox-at-scale.sh            # main vs this tree, alternating
#   BASELINE=/tmp/main-tree benchmarks/http/inbox-at-scale.sh           # a checkout (its Api published here)
#   DB="postgres:Host=127.0.0.1;Port=5432;Username=postgres;Database=inbox1m" benchmarks/http/inbox-at-scale.sh
#   REPLIES=100000 DB=sqlite:/tmp/smartpost-inbox-100k.db benchmarks/http/inbox-at-scale.sh
# A SQLite file that does not exist yet is seeded first (seed-inbox in the benchmark project, ~2–5 min for a
# million at load); a PostgreSQL database is seeded when SEED=1. The APIs run without demo data and only read, with
# the per-caller rate limits off (one wrk caller would otherwise get 429s, which are cheap and flatter the figures)
# and retention off (on a seeded database its first purge takes a core for about a minute while the load runs).
# With PG_DATA=<data directory of the PostgreSQL server in DB> (on this machine, readable) each row also prints the
# server's CPU per request (pg_cpu_ms_per_request: the postmaster with its ended children, plus every live backend).
# Not part of the test run. Figures in BENCHMARKS.md and docs/inbox-at-scale.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
REPLIES="${REPLIES:-1000000}"
DB="${DB:-sqlite:/tmp/smartpost-inbox-$REPLIES.db}"
DURATION="${DURATION:-5s}"
# Tiered compilation reaches optimised code only after a while under load; a 2 s warm-up measured tier-0 code.
WARMUP="${WARMUP:-15s}"
ROUNDS="${ROUNDS:-2}"
BASELINE="${BASELINE:-}"
TEAM="team-helbred"
USER_ID="cw-bench"
SCENARIOS="${SCENARIOS:-/api/v1/teams/$TEAM/replies}"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
work="$(mktemp -d -t smartpost-inbox-XXXXXX)"
api_pid=""
stop() { stop_group "$api_pid"; api_pid=""; }
trap 'stop; rm -rf "$work"' EXIT INT TERM

publish_api "$repo" -p:SkipAddinBuild=true >/dev/null
dotnet build -c Release "$repo/benchmarks/Benchmarks" -nologo -v q >&2
builds=("change=$repo")
if [[ -n "$BASELINE" ]]; then
  baseline="$(build_baseline "$repo" "$BASELINE" "$work")"
  builds=("baseline=$baseline" "change=$repo")
fi

db_env=()
case "$DB" in
  sqlite:*)
    path="${DB#sqlite:}"
    [[ -f "$path" ]] || dotnet run -c Release --no-build --project "$repo/benchmarks/Benchmarks" -- seed-inbox "$DB" "$REPLIES"
    db_env=(Database__SqlitePath="$path" Database__PostgresConnectionString=) ;;
  postgres:*)
    [[ "${SEED:-0}" == 1 ]] && dotnet run -c Release --no-build --project "$repo/benchmarks/Benchmarks" -- seed-inbox "$DB" "$REPLIES"
    db_env=(Database__PostgresConnectionString="${DB#postgres:}") ;;
  *) echo "DB must be sqlite:<path> or postgres:<connection string>" >&2; exit 1 ;;
esac

# pg_cpu_ms: CPU time (user + system, ms) of the PostgreSQL server in PG_DATA, or 0 without PG_DATA.
pg_cpu_ms() {
  [[ -n "${PG_DATA:-}" ]] || { echo 0; return; }
  local postmaster ticks=0 child
  postmaster="$(head -1 "$PG_DATA/postmaster.pid")"
  ticks="$(awk '{ sub(/.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$postmaster/stat")"
  for child in $(cat /proc/"$postmaster"/task/*/children); do
    ticks=$(( ticks + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

start() {
  local tree="$1"
  url="http://127.0.0.1:$(free_port)"
  serve_dll "$(published_dll "$tree")" "$url" "$work/api.log" \
    ASPNETCORE_ENVIRONMENT=Development Database__SeedDemoData=false RateLimits__Enabled=false Retention__Enabled=false "${db_env[@]}"
  api_pid="$SERVED_PID"
  wait_healthy "$api_pid" "$url" "$work/api.log" || exit 1
}

for round in $(seq 1 "$ROUNDS"); do
  for build in "${builds[@]}"; do
    name="${build%%=*}"; tree="${build#*=}"
    start "$tree"
    for path in $SCENARIOS; do
      code="$(curl -s -o "$work/page.json" -w '%{http_code}' -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM" "$url$path")"
      [[ "$code" == 200 ]] || { echo "$name: GET $path answered $code" >&2; cat "$work/page.json" >&2; exit 1; }
      totals="$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["all"], "in the list")' "$work/page.json")"
      # Warm-up (JIT, connection pool, page cache), not reported.
      wrk -t2 -c16 -d"$WARMUP" -s "$here/get.lua" "$url$path" -- "$USER_ID" "$TEAM" >/dev/null
      for c in 1 16; do
        t=$(( c == 1 ? 1 : 2 ))
        before="$(process_cpu_ms "$api_pid")"; pg_before="$(pg_cpu_ms)"
        result="$(wrk -t$t -c$c -d"$DURATION" --latency -s "$here/get.lua" "$url$path" -- "$USER_ID" "$TEAM" | grep '^RESULT')"
        after="$(process_cpu_ms "$api_pid")"; pg_after="$(pg_cpu_ms)"
        requests="$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")"
        per="$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN { printf "%.3f", (a - b) / n }')"
        pg="$(awk -v a="$pg_after" -v b="$pg_before" -v n="$requests" 'BEGIN { printf "%.3f", (a - b) / n }')"
        echo "round=$round build=$name db=${DB%%:*} c=$c path=$path ($totals) load=[$(load_average)] ${result#RESULT } api_cpu_ms_per_request=$per${PG_DATA:+ pg_cpu_ms_per_request=$pg}"
      done
    done
    stop
  done
done
