#!/usr/bin/env bash
# Ingest over HTTP on SQLite: POST /api/v1/replies (JSON, a new documentId per request, the 1 kB reply of
# payloads/reply-text.json) with wrk, on a fresh SQLite file per round. Prints replies/s, latency and the API's CPU
# time per reply (from /proc: less sensitive to a busy machine than replies/s) with the load average of each round.
# With BASELINE=<git ref or checkout> that commit's API runs too, alternating baseline/change per round.
#   benchmarks/http/ingest.sh                                  # this tree, 3 rounds of 10 s at 16 connections
#   BASELINE=main ROUNDS=3 DURATION=10s CONNECTIONS=16 benchmarks/http/ingest.sh
#   PORT=5130 ...                                              # a fixed port instead of a free one
#   WARMUP=20s ...                                             # longer warm-up: tiering runs for ~2,000 replies
# Not part of the test run. Figures in BENCHMARKS.md (Ingest).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-3s}"
BASELINE="${BASELINE:-}"
TEAM="team-helbred"
USER_ID="cw-bench"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
work="$(mktemp -d -t smartpost-ingest-XXXXXX)"
api_pid=""
stop() { stop_group "$api_pid"; api_pid=""; }
trap 'stop; rm -rf "$work"' EXIT INT TERM

publish_api "$repo" -p:SkipAddinBuild=true >/dev/null
builds=("change=$repo")
if [[ -n "$BASELINE" ]]; then
  baseline="$(build_baseline "$repo" "$BASELINE" "$work")"
  builds=("baseline=$baseline" "change=$repo")
fi

echo "| round | build | replies/s | p50 | p99 | non-2xx | socket errors | API CPU per reply | load (1 min) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for build in "${builds[@]}"; do
    name="${build%%=*}" tree="${build#*=}"
    dll="$(published_dll "$tree")"
    url="http://127.0.0.1:${PORT:-$(free_port)}"
    rm -f "$work"/ingest.db*
    serve_dll "$dll" "$url" "$work/$name.log" ASPNETCORE_ENVIRONMENT=Development Database__SqlitePath="$work/ingest.db" \
      Database__SeedDemoData=false RateLimits__Enabled=false Logging__LogLevel__Default=Warning
    api_pid="$SERVED_PID"
    wait_healthy "$api_pid" "$url" "$work/$name.log" || exit 1
    # The first ingest loads the screening model (seconds on a busy machine): one at a time first, then wrk warms up
    # JIT and pools. --timeout 10s: wrk's 2 s default counts a slow answer on a busy machine as a socket error.
    for i in 1 2 3 4 5; do
      curl -fsS -o /dev/null -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM" -H 'Content-Type: application/json' \
        --data "{\"documentId\":\"first-$round-$name-$i\",\"team\":\"$TEAM\",\"text\":\"Jeg vil gerne have aktindsigt.\"}" "$url/api/v1/replies"
    done
    args=(--timeout 10s -s "$here/ingest.lua" "$url/api/v1/replies" -- "$here/payloads/reply-text.json" "$USER_ID" "$TEAM")
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${args[@]}" "warm-$round-$name" >/dev/null
    before="$(process_cpu_ms "$api_pid")"
    result="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" "run-$round-$name" | grep '^RESULT')"
    after="$(process_cpu_ms "$api_pid")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    stop
    python3 - "$round" "$name" "$before" "$after" "$load" "$result" <<'PY'
import sys
round_, name, before, after, load, result = sys.argv[1:7]
r = {k: float(v) for k, v in (p.split("=") for p in result.split()[1:])}
cpu_ms = (float(after) - float(before)) / max(r["requests"], 1)
print(f"| {round_} | {name} | {r['rps']:,.0f} | {r['p50_ms']:.0f} ms | {r['p99_ms']:.0f} ms | {int(r['non2xx'])} | {int(r['socket_errors'])} | {cpu_ms:.2f} ms | {load} |")
PY
  done
done
