#!/usr/bin/env bash
# POST /api/v1/reply-options/suggest (the 4,743-character letter) against a bare Kestrel minimal API that echoes the
# same JSON body (benchmarks/BareKestrel), both Release on loopback (the API published, as production runs it), wrk -t2
# -c32: ROUNDS alternating rounds of DURATION each (suggest, then echo), ratio per round and the median ratio. Both
# servers run side by side, so each round's pair sees the same machine load.
#   benchmarks/http/suggest-vs-kestrel.sh                   # 3 rounds of 5 s
#   ROUNDS=5 DURATION=10s WARMUP=20s benchmarks/http/suggest-vs-kestrel.sh
# With BASELINE=<git ref or checkout> that commit's API runs too (baseline suggest, suggest, echo in each round), so
# before and after are compared in one run. Each line also gives the server's CPU time per request (µs), which a
# shared machine's load disturbs less than requests per second.
#   BASELINE=main benchmarks/http/suggest-vs-kestrel.sh
# CHANGE=<git ref, checkout or published folder> serves that instead of this tree (two published variants side by
# side, e.g. one runtime setting changed in a copy's runtimeconfig.json).
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
BASELINE="${BASELINE:-}"
USER_ID="cw-bench"
TEAM="team-helbred"
payload="$here/payloads/suggest.json"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
work="$(mktemp -d -t smartpost-ratio-XXXXXX)"
api_pid="" base_pid="" echo_pid=""
trap 'stop_group "$api_pid"; stop_group "$base_pid"; stop_group "$echo_pid"; rm -rf "$work"' EXIT INT TERM

baseline=""
[[ -z "$BASELINE" ]] || baseline="$(build_baseline "$repo" "$BASELINE" "$work")"
change="$repo"
if [[ -n "${CHANGE:-}" ]]; then change="$(build_baseline "$repo" "$CHANGE" "$work/change")"; else publish_api "$repo" -p:SkipAddinBuild=true >/dev/null; fi
dotnet build -c Release "$repo/benchmarks/BareKestrel" -nologo -v q >&2
# serve_api TREE URL NAME [NAME=VALUE ...]: that tree's published API, Development identity, rate limits off, the
# given environment; sets SERVED_PID.
serve_api() {
  local tree="$1" url="$2" name="$3"; shift 3
  serve_dll "$(published_dll "$tree")" "$url" "$work/$name.log" ASPNETCORE_ENVIRONMENT=Development \
    Database__SqlitePath="$work/$name.db" Database__SeedDemoData=false RateLimits__Enabled=false "$@"
}
read -r -a change_env <<<"${CHANGE_ENV:-}"
read -r -a baseline_env <<<"${BASELINE_ENV:-}"
api="http://127.0.0.1:$(free_port)"
serve_api "$change" "$api" api "${change_env[@]}"
api_pid="$SERVED_PID"
if [[ -n "$baseline" ]]; then
  base_api="http://127.0.0.1:$(free_port)"
  serve_api "$baseline" "$base_api" baseline "${baseline_env[@]}"
  base_pid="$SERVED_PID"
fi
echo_url="http://127.0.0.1:$(free_port)"
serve_dll "$repo/benchmarks/BareKestrel/bin/Release/net10.0/SmartPost.BareKestrel.dll" "$echo_url" "$work/echo.log"
echo_pid="$SERVED_PID"
wait_healthy "$api_pid" "$api" "$work/api.log" || exit 1
[[ -z "$baseline" ]] || wait_healthy "$base_pid" "$base_api" "$work/baseline.log" || exit 1
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null -H 'Content-Type: application/json' --data-binary "@$payload" "$echo_url/echo" 2>/dev/null && break
  sleep 0.5
done

suggest_urls=("$api/api/v1/reply-options/suggest")
[[ -z "$baseline" ]] || suggest_urls+=("$base_api/api/v1/reply-options/suggest")
for url in "${suggest_urls[@]}" "$echo_url/echo"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM" --data-binary "@$payload" "$url")"
  [[ "$code" == 200 ]] || { echo "$url answered $code" >&2; exit 1; }
done

# run <duration> <url> <server pid>: wrk's RESULT line plus the server's CPU µs per request.
run() {
  local before after result
  before="$(process_cpu_ms "$3")"
  result="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -s "$here/post-json.lua" "$2" -- "$payload" "$USER_ID" "$TEAM" | grep '^RESULT')"
  after="$(process_cpu_ms "$3")"
  awk -v r="$result" -v a="$before" -v b="$after" 'BEGIN { n = r; sub(/.*requests=/, "", n); sub(/ .*/, "", n); printf "%s cpu_us_per_request=%.1f\n", r, (b - a) * 1e3 / n }'
}
rps() { sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$1"; }
check() {
  # A rejected request (429, 4xx) is cheap and would flatter the ratio: a round with any non-2xx answer fails.
  [[ "$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$2")" == 0 ]] || { echo "non-2xx answers in round $1: $2" >&2; exit 1; }
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# Warm-up of all (JIT, tiering), not reported.
run "$WARMUP" "$api/api/v1/reply-options/suggest" "$api_pid" >/dev/null
[[ -z "$baseline" ]] || run "$WARMUP" "$base_api/api/v1/reply-options/suggest" "$base_pid" >/dev/null
run "$WARMUP" "$echo_url/echo" "$echo_pid" >/dev/null
ratios=()
base_ratios=()
for round in $(seq 1 "$ROUNDS"); do
  if [[ -n "$baseline" ]]; then
    b="$(run "$DURATION" "$base_api/api/v1/reply-options/suggest" "$base_pid")"
    check "$round" "$b"
  fi
  s="$(run "$DURATION" "$api/api/v1/reply-options/suggest" "$api_pid")"
  e="$(run "$DURATION" "$echo_url/echo" "$echo_pid")"
  check "$round" "$s"
  check "$round" "$e"
  ratio="$(awk -v a="$(rps "$s")" -v b="$(rps "$e")" 'BEGIN { printf "%.3f", a / b }')"
  ratios+=("$ratio")
  echo "round=$round load=[$(load_average)]"
  if [[ -n "$baseline" ]]; then
    base_ratio="$(awk -v a="$(rps "$b")" -v c="$(rps "$e")" 'BEGIN { printf "%.3f", a / c }')"
    base_ratios+=("$base_ratio")
    echo "round=$round baseline suggest: ${b#RESULT }"
  fi
  echo "round=$round suggest: ${s#RESULT }"
  echo "round=$round echo:    ${e#RESULT }"
  echo "round=$round ratio=$ratio${baseline:+ baseline_ratio=$base_ratio}"
done
[[ -z "$baseline" ]] || echo "baseline ($BASELINE): median ratio suggest / bare Kestrel = $(median "${base_ratios[@]}") (rounds: ${base_ratios[*]})"
echo "median ratio suggest / bare Kestrel = $(median "${ratios[@]}") (rounds: ${ratios[*]})"
