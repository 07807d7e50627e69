#!/usr/bin/env bash
# The WorkZone outage test with the acceptance criterion's full 60-second outage (./test.sh runs it with 10 s).
set -euo pipefail
cd "$(dirname "$0")/.."
SMARTPOST_WORKZONE_OUTAGE_SECONDS="${1:-60}" dotnet test tests/Api.Tests \
  --filter "FullyQualifiedName~WorkZoneOutageTests.TwoHundredMarks" --logger "console;verbosity=normal"
