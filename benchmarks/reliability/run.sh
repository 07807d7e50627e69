#!/usr/bin/env bash
# Reliability suite (loopback only, bounded): claim races, duplicate ingests, kill -9 mid-ingest, two instances on
# PostgreSQL with the outbox, a WorkZone outage with an API restart, mixed load, slow connections. Prints one table.
#   benchmarks/reliability/run.sh                 full run (minutes), publishes Release as production runs it (ReadyToRun),
#                                                writes RELIABILITY.md
#   benchmarks/reliability/run.sh --short --no-build   the bounded variant ./test.sh runs on its Debug build
#   benchmarks/reliability/run.sh --only mixed   chosen rows only (claim, duplicates, mixed, slow, kill, sigterm,
#                                                postgres; comma-separated); prints them, leaves RELIABILITY.md alone
#   benchmarks/reliability/run.sh --only mixed --mix inbox   the mixed row with only some of its endpoints (suggest,
#                                                inbox, ingest), each on its usual share of the connections
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
short=() only=() mix=() build=1
while (( $# )); do
  case "$1" in
    --short) short=(--short) ;;
    --no-build) build=0 ;;
    --only) only=(--only "${2:?--only needs a list}"); shift ;;
    --mix) mix=(--mix "${2:?--mix needs a list}"); shift ;;
    *) echo "usage: $0 [--short] [--no-build] [--only claim,duplicates,mixed,slow,kill,sigterm,postgres] [--mix suggest,inbox,ingest]" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
if (( ${#only[@]} == 0 )) || [[ ",${only[1]}," == *,postgres,* ]]; then
  source "$repo/scripts/test-postgres.sh"
fi

if (( build )); then
  source "$repo/benchmarks/lib/api.sh"
  dll="$(publish_api "$repo" -p:SkipAddinBuild=true)"
else
  dll="$repo/Api/bin/Debug/net10.0/SmartPost.Api.dll"
fi
[[ -f "$dll" ]] || { echo "$dll not built" >&2; exit 1; }

write=()
(( ${#short[@]} == 0 && ${#only[@]} == 0 )) && write=(--write "$repo/RELIABILITY.md")
python3 "$repo/benchmarks/reliability/run.py" --dll "$dll" "${short[@]}" "${only[@]}" "${mix[@]}" "${write[@]}"
