#!/usr/bin/env bash
# Rewrites AddinWeb/src/api/openapi.json from the API's Swagger document (Development), then regenerates the panes'
# TypeScript schema from it. Run after changing a request/response record or an endpoint; commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Api.Tests --filter "FullyQualifiedName~OpenApiSnapshotTests.CommittedSnapshotEqualsTheServedDocument" --nologo -v q
cd AddinWeb
npm run gen:types
