#!/usr/bin/env python3
"""
WorkZone feed throughput and lag against the stand-in (tools/WorkZoneStandIn), both in Release, over loopback HTTP.

1. Throughput: the stand-in holds N incoming replies (default 1000); the API starts with the feed on and stores them
   all: records/s from the first stored reply to the last (GET /api/v1/workzone/status, ingestedSinceStart).
2. Lag: with the feed polling every 5 s (the agency's setting), one reply at a time is journalized in the stand-in
   (POST /admin/incoming) and timed until GET /api/v1/replies?documentId=<ID> finds it in the team's list.

Usage: python3 benchmarks/workzone/feed.py [records] [lag-samples]
"""
import json, os, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RECORDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
SAMPLES = int(sys.argv[2]) if len(sys.argv) > 2 else 20
HEADERS = {"X-Dev-User": "cw-bench", "X-Dev-Teams": "team-helbred,team-udland,team-postmodtagelse", "Accept": "application/json"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, ConnectionError):
        return 0, None


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.loads(r.read())


def wait(what, check, timeout, step=0.05):
    until = time.time() + timeout
    while time.time() < until:
        value = check()
        if value:
            return value
        time.sleep(step)
    raise SystemExit(f"timed out waiting for {what} (logs in {tempfile.gettempdir()}/wz-bench-*)")


def main():
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "-nologo", "-p:SkipAddinBuild=true", "tools/WorkZoneStandIn"], cwd=ROOT, check=True)
    # The API as production runs it: published (ReadyToRun), started from its folder.
    published = os.path.join(ROOT, "Api", "bin", "Release", "publish")
    subprocess.run(["dotnet", "publish", "-c", "Release", "-v", "q", "-nologo", "-p:SkipAddinBuild=true", "Api", "-o", published], cwd=ROOT, check=True)
    wz_port, wz_auth, api_port = free_port(), free_port(), free_port()
    workdir = tempfile.mkdtemp(prefix="wz-bench-")
    stand_in = subprocess.Popen(["dotnet", "tools/WorkZoneStandIn/bin/Release/net10.0/WorkZoneStandIn.dll", f"--Port={wz_port}",
                                 f"--AuthorityPort={wz_auth}", "--DemoData=false", f"--SeedIncoming={RECORDS}"],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wz = f"http://127.0.0.1:{wz_port}"
    api = f"http://127.0.0.1:{api_port}"
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", Database__SqlitePath=os.path.join(workdir, "bench.db"),
               Database__SeedDemoData="false", WorkZone__BaseUrl=wz, WorkZone__Feed__Enabled="true",
               WorkZone__Feed__PollInterval="00:00:05", Logging__LogLevel__Default="Warning")
    api_process = None
    try:
        wait("the stand-in", lambda: get(f"{wz}/admin/records/none")[0] == 404, 60)
        load = os.getloadavg()[0]
        api_process = subprocess.Popen(["dotnet", "SmartPost.Api.dll", "--urls", api], cwd=published,
                                       env=env, stdout=open(os.path.join(workdir, "api.log"), "w"), stderr=subprocess.STDOUT)
        status = lambda: get(f"{api}/api/v1/workzone/status", HEADERS)[1] or {}
        wait("the first stored reply", lambda: status().get("ingestedSinceStart", 0) > 0, 300, 0.02)
        first = time.time()
        wait(f"{RECORDS} stored replies", lambda: status().get("ingestedSinceStart", 0) >= RECORDS, 600, 0.05)
        seconds = time.time() - first
        print(f"throughput: {RECORDS} records in {seconds:.1f} s = {RECORDS / seconds:.0f} records/s (load {load:.1f} -> {os.getloadavg()[0]:.1f})")

        lags = []
        for i in range(SAMPLES):
            time.sleep(1.3)  # spread the samples over the 5 s poll cycle
            created = time.time()
            record = post(f"{wz}/admin/incoming", {"title": f"Sv: måling {i}", "text": "Jeg vil gerne have aktindsigt.",
                                                    "caseId": f"FS-2026-{800000 + i}", "responsibleUnit": "HELBRED"})["id"]
            wait(f"reply {record}", lambda: get(f"{api}/api/v1/replies?documentId={record}", HEADERS)[0] == 200, 120, 0.05)
            lags.append(time.time() - created)
        lags.sort()
        p = lambda q: lags[min(len(lags) - 1, int(q * len(lags)))]
        print(f"lag (journalized -> in the team's list, 5 s polling, {RECORDS + 1}+ records of the day re-listed per poll): "
              f"median {p(0.5):.1f} s, p95 {p(0.95):.1f} s, max {lags[-1]:.1f} s over {len(lags)} replies (load {os.getloadavg()[0]:.1f})")
    finally:
        for process in (api_process, stand_in):
            if process:
                process.kill()
                process.wait()


if __name__ == "__main__":
    main()
