#!/usr/bin/env bash
# Runs every test: API (xunit, SQLite and PostgreSQL), add-in unit tests and browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"

source scripts/test-postgres.sh

results=$(mktemp -d)
# Every test app logs (Debug and up) to one file, scanned for CPR numbers after the run.
export SMARTPOST_TEST_LOG="$results/app.log"
set +e
dotnet test SmartPostAddin.sln --logger "trx;LogFilePrefix=run" --results-directory "$results" 2>&1 | tee "$results/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
set -e
# Citizens' CPR numbers must never reach a log: scan everything the run printed.
touch "$SMARTPOST_TEST_LOG"
echo "App log of the test run: $(wc -l < "$SMARTPOST_TEST_LOG") lines"
scripts/scan-log-for-cpr.sh "$results/dotnet.log" "$SMARTPOST_TEST_LOG" || dotnet_status=1

# Reliability, short variant: real API processes on loopback (claim races, duplicates, kill -9, two instances on
# PostgreSQL with the outbox, load, slow connections); fails when a guarantee breaks. Full run: benchmarks/reliability/run.sh
reliability_status=0
benchmarks/reliability/run.sh --short --no-build 2>&1 | tee "$results/reliability.log" || reliability_status=1

# The add-in: unit tests (office-addin-mock) and browser end-to-end tests (Chromium). Its npm test prints
# a line "addin: N passed, N failed".
addin_status=0
if [ -f AddinWeb/package.json ]; then
  (cd AddinWeb && npm ci --no-audit --no-fund --loglevel=error && npm test) 2>&1 | tee "$results/addin.log" || addin_status=1
fi

# One closing line for the whole run, summed over every test assembly.
sum() { grep -oE '[0-9]+' | paste -sd+ - | bc; }
passed=$( { grep -hoE '(Passed: +[0-9]+)' "$results/dotnet.log"; grep -hoE '^addin: [0-9]+ passed' "$results"/addin.log 2>/dev/null; echo 0; } | grep -oE '[0-9]+' | sum)
failed=$( { grep -hoE '(Failed: +[0-9]+)' "$results/dotnet.log"; grep -hoE '^addin: [0-9]+ passed, [0-9]+ failed' "$results"/addin.log 2>/dev/null | grep -oE '[0-9]+ failed'; echo 0; } | grep -oE '[0-9]+' | sum)
echo "${passed} passed, ${failed} failed"
[ "$dotnet_status" -eq 0 ] && [ "$addin_status" -eq 0 ] && [ "$reliability_status" -eq 0 ]
