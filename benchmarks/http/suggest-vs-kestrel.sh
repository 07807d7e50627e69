#!/usr/bin/env bash
# POST /api/v1/reply-options/suggest (the 4,743-character letter) against a bare Kestrel minimal API that echoes the
# same JSON body (benchmarks/BareKestrel), both Release on loopback, wrk -t2 -c32: ROUNDS alternating rounds of
# DURATION each (suggest, then echo), ratio per round and the median ratio. Both servers run side by side, so each
# round's pair sees the same machine load.
#   benchmarks/http/suggest-vs-kestrel.sh                   # 3 rounds of 5 s
#   ROUNDS=5 DURATION=10s WARMUP=20s benchmarks/http/suggest-vs-kestrel.sh
# Not part of the test run. Figures in BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-5s}"
# Under heavy machine load tiered compilation needs longer to reach the optimised code: WARMUP=20s.
WARMUP="${WARMUP:-3s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
USER_ID="cw-bench"
TEAM="team-helbred"
payload="$here/payloads/suggest.json"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
work="$(mktemp -d -t smartpost-ratio-XXXXXX)"
api_pid="" echo_pid=""
trap 'stop_group "$api_pid"; stop_group "$echo_pid"; rm -rf "$work"' EXIT INT TERM

dotnet build -c Release "$repo/Api" -nologo -v q >&2
dotnet build -c Release "$repo/benchmarks/BareKestrel" -nologo -v q >&2
api="http://127.0.0.1:$(free_port)"
echo_url="http://127.0.0.1:$(free_port)"
serve_dll "$repo/Api/bin/Release/net10.0/SmartPost.Api.dll" "$api" "$work/api.log" ASPNETCORE_ENVIRONMENT=Development \
  Database__SqlitePath="$work/bench.db" Database__SeedDemoData=false RateLimits__Enabled=false
api_pid="$SERVED_PID"
serve_dll "$repo/benchmarks/BareKestrel/bin/Release/net10.0/SmartPost.BareKestrel.dll" "$echo_url" "$work/echo.log"
echo_pid="$SERVED_PID"
wait_healthy "$api_pid" "$api" "$work/api.log" || exit 1
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null -H 'Content-Type: application/json' --data-binary "@$payload" "$echo_url/echo" 2>/dev/null && break
  sleep 0.5
done
for url in "$api/api/v1/reply-options/suggest" "$echo_url/echo"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM" --data-binary "@$payload" "$url")"
  [[ "$code" == 200 ]] || { echo "$url answered $code" >&2; exit 1; }
done

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -s "$here/post-json.lua" "$2" -- "$payload" "$USER_ID" "$TEAM" | grep '^RESULT'; }
rps() { sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$1"; }
# Warm-up of both (JIT, tiering), not reported.
run "$WARMUP" "$api/api/v1/reply-options/suggest" >/dev/null
run "$WARMUP" "$echo_url/echo" >/dev/null
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  s="$(run "$DURATION" "$api/api/v1/reply-options/suggest")"
  e="$(run "$DURATION" "$echo_url/echo")"
  # A rejected request (429, 4xx) is cheap and would flatter the ratio: a round with any non-2xx answer fails.
  for r in "$s" "$e"; do
    [[ "$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$r")" == 0 ]] || { echo "non-2xx answers in round $round: $r" >&2; exit 1; }
  done
  ratio="$(awk -v a="$(rps "$s")" -v b="$(rps "$e")" 'BEGIN { printf "%.3f", a / b }')"
  ratios+=("$ratio")
  echo "round=$round load=[$(uptime | sed 's/.*load average: //')] suggest: ${s#RESULT }"
  echo "round=$round echo:    ${e#RESULT }"
  echo "round=$round ratio=$ratio"
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
echo "median ratio suggest / bare Kestrel = $median (rounds: ${ratios[*]})"
