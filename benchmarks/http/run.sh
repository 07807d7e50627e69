#!/usr/bin/env bash
# HTTP load on loopback with wrk: builds and starts the API (Release, Development, temporary SQLite file, demo data),
# runs each scenario for a bounded time, prints requests/s and latency percentiles, and stops the API.
#   benchmarks/http/run.sh                 # 15 s per scenario, 2 threads, 16 connections
#   DURATION=30s CONNECTIONS=32 INBOX_REPLIES=0 benchmarks/http/run.sh
# Before the load, INBOX_REPLIES generated replies (default 100,000; a tenth in team-helbred) are written into the
# API's SQLite file by the benchmark project (InboxDataTool), so the inbox scenario reads a page among 100,000 replies.
# Not part of the test run. Figures in BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-15s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
INBOX_REPLIES="${INBOX_REPLIES:-100000}"   # generated stored replies for the inbox scenario (0: only demo + ingested)
USER_ID="cw-bench"
TEAM="team-helbred"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed: apt-get install -y curl" >&2; exit 1; }
source "$repo/benchmarks/lib/api.sh"
trap stop_api EXIT INT TERM
start_api "$repo"
if (( INBOX_REPLIES > 0 )); then
  echo "Generating $INBOX_REPLIES stored replies ..." >&2
  dotnet build -c Release "$repo/benchmarks/Benchmarks" -nologo -v q >&2 || { echo "benchmark project build failed" >&2; exit 1; }
  dotnet run -c Release --no-build --project "$repo/benchmarks/Benchmarks" -- generate-replies "$API_DATA_DIR/bench.db" "$INBOX_REPLIES" "$TEAM"
fi

# Each scenario must answer 2xx before it is loaded, or the figures would measure error pages.
check() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-s -o /dev/null -w '%{http_code}' -X "$method" -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "@$body")
  local code; code="$(curl "${args[@]}" "$API_URL$path")"
  [[ "$code" == 2* ]] || { echo "$method $path answered $code; not loading it" >&2; exit 1; }
}

# scenario NAME [-c N] wrk-args...: -c 1 (one connection, one thread) gives latency without queueing behind others.
scenario() {
  local name="$1"; shift
  local threads="$THREADS" connections="$CONNECTIONS"
  if [[ "${1:-}" == "-c" ]]; then connections="$2"; threads=1; shift 2; fi
  echo
  echo "=== $name  [-t$threads -c$connections -d$DURATION]  ($(uptime | sed 's/.*load average/load average/'))"
  wrk -t"$threads" -c"$connections" -d"$DURATION" --latency "$@"
}

check POST /api/v1/reply-options/suggest "$here/payloads/suggest.json"
scenario "POST /api/v1/reply-options/suggest (one connection)" -c 1 \
  -s "$here/post-json.lua" "$API_URL/api/v1/reply-options/suggest" -- "$here/payloads/suggest.json" "$USER_ID" "$TEAM"
scenario "POST /api/v1/reply-options/suggest (4,743-character letter)" \
  -s "$here/post-json.lua" "$API_URL/api/v1/reply-options/suggest" -- "$here/payloads/suggest.json" "$USER_ID" "$TEAM"

check POST /api/v1/screening/analyze "$here/payloads/screening.json"
scenario "POST /api/v1/screening/analyze (1 kB reply with quoted letter)" \
  -s "$here/post-json.lua" "$API_URL/api/v1/screening/analyze" -- "$here/payloads/screening.json" "$USER_ID" "$TEAM"

scenario "POST /api/v1/replies (JSON ingest, new documentId per request)" \
  -s "$here/ingest.lua" "$API_URL/api/v1/replies" -- "$here/payloads/reply-text.json" "$USER_ID" "$TEAM" "$(date +%s)"

total() { curl -s -H "X-Dev-User: $USER_ID" -H "X-Dev-Teams: $TEAM" "$API_URL/api/v1/teams/$TEAM/replies?status=$1&limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["all"])' 2>/dev/null || echo "?"; }
stored="$(total all) in the team, $(total unhandled) unhandled; $INBOX_REPLIES generated + demo + ingested in the database"
check GET "/api/v1/teams/$TEAM/replies"
scenario "GET /api/v1/teams/$TEAM/replies (first inbox page; $stored)" \
  -s "$here/get.lua" "$API_URL/api/v1/teams/$TEAM/replies" -- "$USER_ID" "$TEAM"
scenario "GET /api/v1/teams/$TEAM/replies (first inbox page, one connection: latency without queueing)" -c 1 \
  -s "$here/get.lua" "$API_URL/api/v1/teams/$TEAM/replies" -- "$USER_ID" "$TEAM"
