#!/usr/bin/env bash
# Where an HTTP ingest's CPU goes: the published API (as ingest.sh runs it, fresh SQLite file) under wrk -c16 on
# POST /api/v1/replies, `perf record` of it for RECORD seconds after a WARMUP of wrk, then the per-stage breakdown
# (perf-stages.py) in µs of API CPU per reply. JIT frames are named through DOTNET_PerfMapEnabled=1; perf adds its own
# cost, so compare stages within one profile, and builds by the ingest.sh figures. Needs perf (apt-get install -y
# linux-perf) and root.
#   benchmarks/http/ingest-perf.sh                       # this tree; TREE=<checkout> profiles another published tree
#   MODE=dwarf benchmarks/http/ingest-perf.sh            # the lane thread only, native stacks unwound (SQLite by call)
#   PORT=5130 WARMUP=20s RECORD=12 ...
# Not part of the test run. Figures in BENCHMARKS.md ("Eleventh session: ingest").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
TREE="${TREE:-$repo}"
WARMUP="${WARMUP:-20s}"
RECORD="${RECORD:-12}"
MODE="${MODE:-frames}"
TEAM="team-helbred"
USER_ID="cw-bench"

command -v perf >/dev/null || { echo "perf is not installed: apt-get install -y linux-perf" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
work="$(mktemp -d -t smartpost-ingest-perf-XXXXXX)"
api_pid=""
trap 'stop_group "$api_pid"; rm -rf "$work"' EXIT INT TERM

dll="$(publish_api "$TREE" -p:SkipAddinBuild=true)"
url="http://127.0.0.1:${PORT:-$(free_port)}"
serve_dll "$dll" "$url" "$work/api.log" ASPNETCORE_ENVIRONMENT=Development Database__SqlitePath="$work/ingest.db" \
  Database__SeedDemoData=false RateLimits__Enabled=false Logging__LogLevel__Default=Warning \
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
api_pid="$SERVED_PID"
wait_healthy "$api_pid" "$url" "$work/api.log" || exit 1
args=(--timeout 10s -s "$here/ingest.lua" "$url/api/v1/replies" -- "$here/payloads/reply-text.json" "$USER_ID" "$TEAM")
wrk -t2 -c16 -d"$WARMUP" "${args[@]}" warm >/dev/null

# The lane thread (BulkWork:Threads is 1 on two cores) by its name; its own CPU time for the dwarf mode.
lane="$(for t in /proc/"$api_pid"/task/*; do [[ "$(cat "$t/comm")" == "SmartPost bulk"* ]] && basename "$t" || true; done | head -1)"
thread_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print ($12 + $13) * 1000 / hz }' "/proc/$api_pid/task/$lane/stat"; }

wrk -t2 -c16 -d"$((RECORD + 2))s" "${args[@]}" run > "$work/wrk.txt" &
wrk_pid=$!
sleep 1
before="$(process_cpu_ms "$api_pid")"; lane_before="$(thread_cpu_ms)"
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM Replies").fetchone()[0])' "$work/ingest.db"; }
replies_before="$(count)"
if [[ "$MODE" == dwarf ]]; then
  perf record -q -F 499 --call-graph dwarf,16384 -t "$lane" -o "$work/perf.data" -- sleep "$RECORD" 2>/dev/null
else
  perf record -q -F 999 -g -p "$api_pid" -o "$work/perf.data" -- sleep "$RECORD" 2>/dev/null
fi
replies="$(( $(count) - replies_before ))"
after="$(process_cpu_ms "$api_pid")"; lane_after="$(thread_cpu_ms)"
wait "$wrk_pid"
perf script -i "$work/perf.data" -F comm,tid,ip,sym,dso 2>/dev/null > "$work/stacks.txt"
cpu="$(python3 -c "print($after - $before)")"
[[ "$MODE" == dwarf ]] && cpu="$(python3 -c "print($lane_after - $lane_before)")"
echo "$(grep '^RESULT' "$work/wrk.txt"); $replies replies stored while recording; load $(load_average)"
python3 "$here/perf-stages.py" "$work/stacks.txt" "$cpu" "$replies"
