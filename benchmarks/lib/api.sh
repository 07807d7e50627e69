# Sourced by the benchmark scripts. Every script measures the API as production runs it: published in Release
# (publish_api), which precompiles the app and its packages to native code (ReadyToRun, Api.csproj); a plain build
# does not, and starts and warms up differently. Two ways to run an API:
# - start_api REPO: publishes it and starts it on a free loopback port with a temporary SQLite file and demo
#   data (Development), waits for /health; stop_api ends it. After start_api: $API_URL, $API_DATA_DIR, $API_LOG.
# - serve_dll / stop_group: for scripts that start several already built servers (a baseline next to the change,
#   one per round), each in its own process group.

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
  local dll; dll="$(publish_api "$repo")" || { echo "API publish failed" >&2; return 1; }
  local port; port="$(free_port)"
  [[ -n "$port" ]] || { echo "could not find a free port (needs python3 or node)" >&2; return 1; }
  API_URL="http://127.0.0.1:$port"
  API_DATA_DIR="$(mktemp -d -t smartpost-bench-XXXXXX)"
  API_LOG="$API_DATA_DIR/api.log"
  # Rate limits off: a load test is one caller at thousands of requests a second, which the per-caller limits refuse
  # by design; the figures measure the endpoints, not the limiter.
  serve_dll "$dll" "$API_URL" "$API_LOG" ASPNETCORE_ENVIRONMENT=Development Database__SqlitePath="$API_DATA_DIR/bench.db" \
    Database__SeedDemoData=true RateLimits__Enabled=false
  API_PID="$SERVED_PID"
  echo "Starting the API on $API_URL (pid $API_PID) ..." >&2
  for _ in $(seq 1 240); do
    if ! kill -0 "$API_PID" 2>/dev/null; then echo "API exited during start-up:" >&2; tail -40 "$API_LOG" >&2; return 1; fi
    curl -fsS "$API_URL/health" >/dev/null 2>&1 && { echo "API healthy." >&2; return 0; }
    sleep 0.5
  done
  echo "API did not answer /health within 120 s:" >&2; tail -40 "$API_LOG" >&2
  return 1
}

# stop_group PID: ends a server started by serve_dll (its whole process group): TERM, up to 5 s, then KILL.
stop_group() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# serve_dll DLL URL LOG [NAME=VALUE ...]: starts a built server from its own folder (so it finds its rules files) in
# its own process group with the given environment, and sets SERVED_PID. Does not wait: see wait_healthy.
serve_dll() {
  local dll="$1" url="$2" log="$3"; shift 3
  # setsid directly under this shell: the server leads its own process group (its pid), which stop_group ends.
  (cd "$(dirname "$dll")" && DOTNET_NOLOGO=1 exec setsid env "$@" dotnet "$dll" --urls "$url" >"$log" 2>&1) &
  SERVED_PID=$!
}

# wait_healthy PID URL LOG: waits up to 120 s for URL/health; on a crash or timeout shows the log's end and fails.
wait_healthy() {
  local pid="$1" url="$2" log="$3"
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited during start-up:" >&2; tail -30 "$log" >&2; return 1; }
    curl -fsS "$url/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "$url did not answer /health within 120 s:" >&2; tail -30 "$log" >&2
  return 1
}

# publish_api TREE [ARGS...]: publishes TREE's API as production runs it (`dotnet publish -c Release`, ReadyToRun where
# its Api.csproj asks for it; ARGS go to dotnet publish) into TREE/Api/bin/Release/publish and prints the path of its
# SmartPost.Api.dll. Precompiling the packages takes about 3 minutes the first time; an unchanged tree is quick.
publish_api() {
  local tree="$1"; shift
  local out="$tree/Api/bin/Release/publish"
  echo "Publishing $tree/Api (Release) ..." >&2
  dotnet publish -c Release "$tree/Api" -o "$out" -nologo -v q "$@" >&2 || return 1
  echo "$out/SmartPost.Api.dll"
}

# build_baseline REPO REF-OR-DIR WORK: prints the folder of a tree to compare against, its API published (publish_api)
# without the add-in (not needed to serve the API). A folder is a checkout (published here, quick when unchanged) or
# an API already published (it holds SmartPost.Api.dll: served as it is, e.g. with a runtime setting changed in its
# runtimeconfig.json); a git ref is exported into WORK/baseline first.
build_baseline() {
  local repo="$1" ref="$2" work="$3" tree="$2"
  if [[ -f "$ref/SmartPost.Api.dll" ]]; then echo "$ref"; return 0; fi
  if [[ ! -d "$ref" ]]; then
    tree="$work/baseline"
    mkdir -p "$tree"
    git -C "$repo" archive "$ref" | tar -x -C "$tree"
  fi
  publish_api "$tree" -p:SkipAddinBuild=true >/dev/null || return 1
  echo "$tree"
}

# published_dll TREE: the SmartPost.Api.dll that publish_api wrote for TREE (or TREE's own, if it is a published API).
published_dll() {
  if [[ -f "$1/SmartPost.Api.dll" ]]; then echo "$1/SmartPost.Api.dll"; else echo "$1/Api/bin/Release/publish/SmartPost.Api.dll"; fi
}

# process_cpu_ms PID: CPU time (user + system, ms) the process has used. Per request it is the figure other work on
# a shared machine inflates least, unlike wall-clock latency and requests/s.
process_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print ($12 + $13) * 1000 / hz }' "/proc/$1/stat"
}

load_average() { uptime | sed 's/.*load average: //'; }
