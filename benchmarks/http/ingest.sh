#!/usr/bin/env bash
# Ingest over HTTP on SQLite: POST /api/v1/replies (JSON, a new documentId per request, the 1 kB reply of
# payloads/reply-text.json) with wrk, on a fresh SQLite file per round. Prints replies/s, latency and the API's CPU
# time per reply (from /proc: less sensitive to a busy machine than replies/s) with the load average of each round.
# With BASELINE=<git ref or built tree> that commit's API runs too, alternating baseline/change per round.
#   benchmarks/http/ingest.sh                                  # this tree, 3 rounds of 10 s at 16 connections
#   BASELINE=main ROUNDS=3 DURATION=10s CONNECTIONS=16 benchmarks/http/ingest.sh
# Not part of the test run. Figures in BENCHMARKS.md (Ingest).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
BASELINE="${BASELINE:-}"
TEAM="team-helbred"
USER_ID="cw-bench"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
work="$(mktemp -d -t smartpost-ingest-XXXXXX)"
api_pid=""
stop() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM -- "-$api_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$api_pid" 2>/dev/null || true
  fi
  api_pid=""
}
trap 'stop; rm -rf "$work"' EXIT INT TERM

echo "Building this tree (Release) ..." >&2
dotnet build -c Release "$repo/Api" -nologo -v q -p:SkipAddinBuild=true >&2
builds=("change=$repo")
if [[ -d "$BASELINE" ]]; then
  builds=("baseline=$BASELINE" "change=$repo")
elif [[ -n "$BASELINE" ]]; then
  echo "Building $BASELINE (Release) in $work/baseline ..." >&2
  mkdir -p "$work/baseline"
  git -C "$repo" archive "$BASELINE" | tar -x -C "$work/baseline"
  dotnet build -c Release "$work/baseline/Api" -nologo -v q -p:SkipAddinBuild=true >&2
  builds=("baseline=$work/baseline" "change=$repo")
fi

cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat"; }

echo "| round | build | replies/s | p50 | p99 | non-2xx | socket errors | API CPU per reply | load (1 min) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for build in "${builds[@]}"; do
    name="${build%%=*}" tree="${build#*=}"
    dll="$tree/Api/bin/Release/net10.0/SmartPost.Api.dll"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    url="http://127.0.0.1:$port"
    rm -f "$work"/ingest.db*
    (cd "$(dirname "$dll")" && ASPNETCORE_ENVIRONMENT=Development Database__SqlitePath="$work/ingest.db" Database__SeedDemoData=false \
      RateLimits__Enabled=false Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1 \
      exec setsid dotnet "$dll" --urls "$url" >"$work/$name.log" 2>&1) &
    api_pid=$!
    for _ in $(seq 1 240); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 0.5; done
    curl -fsS "$url/health" >/dev/null || { echo "$name API did not start:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
    # The first ingest loads the screening model (seconds on a busy machine): one at a time first, then wrk warms up
    # JIT and pools. --timeout 10s: wrk's 2 s default counts a slow answer on a busy machine as a socket error.
    for i in 1 2 3 4 5; do
      curl -fsS -o /dev/null -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM" -H 'Content-Type: application/json' \
        --data "{\"documentId\":\"first-$round-$name-$i\",\"team\":\"$TEAM\",\"text\":\"Jeg vil gerne have aktindsigt.\"}" "$url/api/v1/replies"
    done
    args=(--timeout 10s -s "$here/ingest.lua" "$url/api/v1/replies" -- "$here/payloads/reply-text.json" "$USER_ID" "$TEAM")
    wrk -t2 -c"$CONNECTIONS" -d3s "${args[@]}" "warm-$round-$name" >/dev/null
    before="$(cpu_seconds "$api_pid")"
    result="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" "run-$round-$name" | grep '^RESULT')"
    after="$(cpu_seconds "$api_pid")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    stop
    python3 - "$round" "$name" "$before" "$after" "$load" "$result" <<'PY'
import sys
round_, name, before, after, load, result = sys.argv[1:7]
r = {k: float(v) for k, v in (p.split("=") for p in result.split()[1:])}
cpu_ms = 1000 * (float(after) - float(before)) / max(r["requests"], 1)
print(f"| {round_} | {name} | {r['rps']:,.0f} | {r['p50_ms']:.0f} ms | {r['p99_ms']:.0f} ms | {int(r['non2xx'])} | {int(r['socket_errors'])} | {cpu_ms:.2f} ms | {load} |")
PY
  done
done
