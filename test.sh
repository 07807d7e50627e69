#!/usr/bin/env bash
# Runs every test: API (xunit, SQLite and PostgreSQL), add-in unit tests and browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"

source scripts/test-postgres.sh

results=$(mktemp -d)
dotnet test SmartPostAddin.sln --logger "trx;LogFilePrefix=run" --results-directory "$results" 2>&1 | tee "$results/dotnet.log"
dotnet_status=${PIPESTATUS[0]}

# One closing line for the whole run, summed over every test assembly.
passed=$(grep -hoE 'Passed: +[0-9]+' "$results/dotnet.log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
failed=$(grep -hoE 'Failed: +[0-9]+' "$results/dotnet.log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$dotnet_status"
