#!/usr/bin/env bash
# Generates 100,000 stored replies in a temporary SQLite database (ReplyDataGenerator in
# benchmarks/Benchmarks/RepliesBenchmarks.cs) and measures on it: ingest with screening and the first inbox page
# (single-call p95) in RepliesAtScaleBenchmarks.cs, and shared searches in RepliesBenchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*RepliesBenchmarks*' '*AtScale*' --job short "$@"
