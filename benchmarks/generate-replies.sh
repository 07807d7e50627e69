#!/usr/bin/env bash
# Generates 100,000 stored replies in a temporary SQLite database (ReplyDataGenerator in
# benchmarks/Benchmarks/RepliesBenchmarks.cs) and measures ingest and the first inbox page on it
# (RepliesBenchmarks, plus the *AtScale* classes in RepliesAtScaleBenchmarks.cs: ingest with screening, single-call p95).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*RepliesBenchmarks*' '*AtScale*' --job short "$@"
