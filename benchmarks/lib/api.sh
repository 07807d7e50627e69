# Sourced by the benchmark scripts: builds and starts the API in Release on a free loopback port with a temporary
# SQLite file and demo data (Development), waits for /health, and stops it (whole process group) on exit.
# After start_api: $API_URL, $API_DATA_DIR, $API_LOG.

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

stop_api() {
  if [[ -n "${API_PID:-}" ]] && kill -0 "$API_PID" 2>/dev/null; then
    kill -TERM -- "-$API_PID" 2>/dev/null || kill -TERM "$API_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$API_PID" 2>/dev/null || true
  fi
  API_PID=""
  [[ -n "${API_DATA_DIR:-}" && -d "$API_DATA_DIR" ]] && rm -rf "$API_DATA_DIR"
  return 0
}

start_api() {
  local repo="$1"
  command -v dotnet >/dev/null || { echo "dotnet SDK not found on PATH" >&2; return 1; }
  echo "Building the API (Release) ..." >&2
  dotnet build -c Release "$repo/Api" -nologo -v q >&2 || { echo "API build failed" >&2; return 1; }
  local port; port="$(free_port)"
  [[ -n "$port" ]] || { echo "could not find a free port (needs python3 or node)" >&2; return 1; }
  API_URL="http://127.0.0.1:$port"
  API_DATA_DIR="$(mktemp -d -t smartpost-bench-XXXXXX)"
  API_LOG="$API_DATA_DIR/api.log"
  # setsid: the API gets its own process group, so stop_api ends dotnet run and the app it started, nothing else.
  # Rate limits off: a load test is one caller at thousands of requests a second, which the per-caller limits refuse
  # by design; the figures measure the endpoints, not the limiter.
  ASPNETCORE_ENVIRONMENT=Development Database__SqlitePath="$API_DATA_DIR/bench.db" Database__SeedDemoData=true \
    RateLimits__Enabled=false \
    DOTNET_NOLOGO=1 \
    setsid dotnet run -c Release --no-build --project "$repo/Api" --no-launch-profile --urls "$API_URL" >"$API_LOG" 2>&1 &
  API_PID=$!
  echo "Starting the API on $API_URL (pid $API_PID) ..." >&2
  for _ in $(seq 1 240); do
    if ! kill -0 "$API_PID" 2>/dev/null; then echo "API exited during start-up:" >&2; tail -40 "$API_LOG" >&2; return 1; fi
    curl -fsS "$API_URL/health" >/dev/null 2>&1 && { echo "API healthy." >&2; return 0; }
    sleep 0.5
  done
  echo "API did not answer /health within 120 s:" >&2; tail -40 "$API_LOG" >&2
  return 1
}
