#!/usr/bin/env bash
# Where a suggest request's CPU goes, stage by stage: the published API (as suggest-vs-kestrel.sh serves it:
# Development identity, rate limits off) under wrk -t2 -c32 with the 4,743-character letter, `perf record` of it for
# RECORD seconds after a WARMUP of wrk, then suggest-stages.py: every sample goes to the innermost stage on its stack
# (the engine, the fast path's reading and writing, each middleware, routing, Kestrel, sockets, GC, ...), in µs of
# API CPU per request. The bare Kestrel echo (benchmarks/BareKestrel) is profiled the same way after it, so the
# host's own floor is in the same run. JIT frames are named through DOTNET_PerfMapEnabled=1; perf adds its own cost,
# so compare stages within one profile and builds by suggest-vs-kestrel.sh. Needs perf and root.
#   benchmarks/http/suggest-perf.sh                      # this tree; TREE=<checkout or published folder> another
#   WARMUP=15s RECORD=10 PORT=5232 KEEP=<folder, keeps the perf script output> ...
# Not part of the test run. Figures in BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
TREE="${TREE:-}"
WARMUP="${WARMUP:-15s}"
RECORD="${RECORD:-10}"
payload="$here/payloads/suggest.json"

command -v perf >/dev/null || { echo "perf is not installed: apt-get install -y linux-perf" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
work="$(mktemp -d -t smartpost-suggest-perf-XXXXXX)"
api_pid="" echo_pid=""
trap 'stop_group "$api_pid"; stop_group "$echo_pid"; rm -rf "$work"' EXIT INT TERM

if [[ -n "$TREE" ]]; then tree="$(build_baseline "$repo" "$TREE" "$work")"; else publish_api "$repo" -p:SkipAddinBuild=true >/dev/null; tree="$repo"; fi
dotnet build -c Release "$repo/benchmarks/BareKestrel" -nologo -v q >&2
perf_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)

# profile NAME URL PID: wrk warm-up, then perf record of PID for RECORD s in the middle of a steady wrk run; the
# requests of the recorded window are wrk's requests/s times RECORD. Prints the stage table.
profile() {
  local name="$1" url="$2" pid="$3" before after rps
  local args=(-t2 -c32 -s "$here/post-json.lua" "$url" -- "$payload" cw-bench team-helbred)
  wrk -d"$WARMUP" "${args[@]}" >/dev/null
  wrk -d"$((RECORD + 2))s" "${args[@]}" > "$work/$name-wrk.txt" &
  local wrk_pid=$!
  sleep 1
  before="$(process_cpu_ms "$pid")"
  perf record -q -F 999 -g -p "$pid" -o "$work/$name.data" -- sleep "$RECORD" 2>/dev/null
  after="$(process_cpu_ms "$pid")"
  wait "$wrk_pid"
  grep -q 'non2xx=0 ' "$work/$name-wrk.txt" || { echo "$name: non-2xx answers: $(cat "$work/$name-wrk.txt")" >&2; exit 1; }
  rps="$(sed -nE 's/^RESULT .*rps=([0-9.]+).*/\1/p' "$work/$name-wrk.txt")"
  perf script -i "$work/$name.data" -F comm,tid,ip,sym,dso 2>/dev/null > "$work/$name.txt"
  [[ -z "${KEEP:-}" ]] || cp "$work/$name.txt" "$KEEP/$name.txt"
  echo "== $name: $(grep '^RESULT' "$work/$name-wrk.txt" | sed 's/^RESULT //'); load $(load_average)"
  python3 "$here/suggest-stages.py" "$work/$name.txt" "$(python3 -c "print($after - $before)")" "$(python3 -c "print($rps * $RECORD)")"
}

api="http://127.0.0.1:${PORT:-$(free_port)}"
serve_dll "$(published_dll "$tree")" "$api" "$work/api.log" ASPNETCORE_ENVIRONMENT=Development \
  Database__SqlitePath="$work/api.db" Database__SeedDemoData=false RateLimits__Enabled=false "${perf_env[@]}"
api_pid="$SERVED_PID"
wait_healthy "$api_pid" "$api" "$work/api.log" || exit 1
profile suggest "$api/api/v1/reply-options/suggest" "$api_pid"
stop_group "$api_pid"; api_pid=""

echo_url="http://127.0.0.1:$(free_port)"
serve_dll "$repo/benchmarks/BareKestrel/bin/Release/net10.0/SmartPost.BareKestrel.dll" "$echo_url" "$work/echo.log" "${perf_env[@]}"
echo_pid="$SERVED_PID"
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null -H 'Content-Type: application/json' --data-binary "@$payload" "$echo_url/echo" 2>/dev/null && break
  sleep 0.5
done
profile echo "$echo_url/echo" "$echo_pid"
