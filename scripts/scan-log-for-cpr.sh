#!/usr/bin/env bash
# Scans log files for CPR numbers (issue 5, Privacy: CPR numbers never in logs).
# Usage: scripts/scan-log-for-cpr.sh FILE... ; exit 0 = clean, 1 = CPR-like numbers found, 2 = usage error.
# Pattern (same as Api/Identity/CprLogMasking.cs): DDMMYY, optional dash, 4 digits, not inside a longer number,
# day 01-31 and month 01-12. Findings are reported by file, line and column only: the number itself is not
# printed, so the scan's own output never leaks it.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 LOGFILE..." >&2
  exit 2
fi
found=0
for file in "$@"; do
  if [ ! -r "$file" ]; then
    echo "scan-log-for-cpr: cannot read '$file'" >&2
    exit 2
  fi
  hits=$(perl -ne 'while (/(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}(?!\d)/g) { print "$ARGV:$.:" . ($-[0] + 1) . "\n"; }' "$file")
  if [ -n "$hits" ]; then
    found=1
    while IFS= read -r hit; do echo "CPR-like number at $hit"; done <<<"$hits"
  fi
done
if [ "$found" -eq 1 ]; then
  echo "scan-log-for-cpr: CPR-like numbers found in the log (see above)." >&2
  exit 1
fi
echo "scan-log-for-cpr: no CPR numbers in $*"
