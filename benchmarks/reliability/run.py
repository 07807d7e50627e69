#!/usr/bin/env python3
"""Reliability suite: runs the API as real processes on loopback and checks what an operator would try.

Every scenario is bounded in time and count and stops by itself. Prints one table; --write FILE writes it as Markdown.
Usage: benchmarks/reliability/run.sh [--short] [--only mixed,kill] [--write RELIABILITY.md]   (run.sh provides PostgreSQL
and the build)
"""
import argparse
import base64
import http.client
import json
import os
import re
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from workzone_standin import WorkZoneStandIn

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
TEAM = "team-rel"
DEFAULT_TEAM = "team-postmodtagelse"
FIELD = "SMARTPOST_BEHANDLET"  # the stand-in CSDL's custom field
# What --only selects. "postgres" is every PostgreSQL row: they share the two instances and run in order.
SCENARIOS = ["claim", "duplicates", "mixed", "slow", "kill", "sigterm", "postgres"]


_ports_handed_out = set()


def free_port():
    """A loopback port no one holds, never handed out before in this run, below the kernel's ephemeral range.

    Asking the kernel for port 0 and closing the socket is racy: the next request for port 0 may get the same port
    (two instances were once given one port: the second could not bind, and the first's readiness check was answered
    by the other), and an outgoing connection of the load rows may take it before the API binds it.
    """
    low_ephemeral = 32768
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            low_ephemeral = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        pass
    start = 20000 + (os.getpid() * 7) % 5000  # runs side by side start in different places
    for port in list(range(start, low_ephemeral)) + list(range(10000, start)):
        if port in _ports_handed_out:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _ports_handed_out.add(port)
        return port
    raise RuntimeError("no free loopback port below the ephemeral range")


def listening_pid_owns(pid, port):
    """True when the socket listening on 127.0.0.1:port belongs to process pid (Linux /proc): the answer to a
    readiness probe then comes from the instance just started, not from another that took its port."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    local, state, inode = fields[1], fields[3], fields[9]
                    if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                        inodes.add(inode)
        except OSError:
            return True  # no /proc: cannot tell, trust the probe
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    wanted = {f"socket:[{inode}]" for inode in inodes}
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") in wanted:
                return True
        except OSError:
            continue  # closed since the listing
    return False


def call(base, method, path, body=None, user="cw-rel", content_type="application/json", timeout=60):
    """One request on its own connection: (status, parsed JSON or None); -1 = connection refused, 0 = sent but no answer."""
    host, port = base.replace("http://", "").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    headers = {"X-Dev-User": user, "X-Dev-Teams": f"{TEAM},{DEFAULT_TEAM}", "Accept": "application/json"}
    if method in ("POST", "DELETE") and path.startswith("/api/v1/replies/") and path.count("/") >= 5:
        headers["If-Match"] = "*"  # reply state changes need If-Match; "*" = whatever the current version is
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        headers["Content-Type"] = content_type
    try:
        conn.connect()
    except OSError:
        return -1, None  # not even connected (refused): the request was never sent
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        try:
            return response.status, json.loads(raw) if raw else None
        except ValueError:
            return response.status, None
    except (OSError, http.client.HTTPException):
        return 0, None
    finally:
        conn.close()


def memo_xml(message_uuid, text):
    content = base64.b64encode(text.encode()).decode()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.1" memoSchVersion="1.1.0">
  <memo:MessageHeader>
    <memo:messageType>DIGITALPOST</memo:messageType>
    <memo:messageUUID>{message_uuid}</memo:messageUUID>
    <memo:label>Svar på brev</memo:label>
    <memo:reply>false</memo:reply>
    <memo:Sender><memo:senderID>1504661234</memo:senderID><memo:idType>CPR</memo:idType><memo:label>Borger</memo:label></memo:Sender>
    <memo:Recipient><memo:recipientID>12345678</memo:recipientID><memo:idType>CVR</memo:idType></memo:Recipient>
  </memo:MessageHeader>
  <memo:MessageBody>
    <memo:createdDateTime>2026-11-20T10:00:00Z</memo:createdDateTime>
    <memo:MainDocument><memo:label>Svar</memo:label><memo:File>
      <memo:encodingFormat>text/plain</memo:encodingFormat><memo:filename>svar.txt</memo:filename>
      <memo:language>da</memo:language><memo:content>{content}</memo:content>
    </memo:File></memo:MainDocument>
  </memo:MessageBody>
</memo:Message>"""


class Api:
    """One API process (dotnet SmartPost.Api.dll) on a free loopback port."""

    def __init__(self, dll, workdir, name, settings):
        self.dll, self.name, self.settings = dll, name, settings
        self.log_path = os.path.join(workdir, f"{name}.log")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self, timeout=180):
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", DOTNET_NOLOGO="1",
                   Logging__LogLevel__Default="Warning", Database__SeedDemoData="false",
                   RateLimits__Enabled="false", MetadataSync__PollInterval="00:00:00.200",
                   MetadataSync__RetryBaseDelay="00:00:00.200", MetadataSync__MaxRetryDelay="00:00:02")
        env.update(self.settings)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(["dotnet", self.dll, "--urls", self.url], env=env, stdout=log, stderr=log,
                                        cwd=os.path.dirname(self.dll), start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited during start-up; see {self.log_path}")
            if call(self.url, "GET", "/health/ready", timeout=5)[0] == 200:
                if listening_pid_owns(self.process.pid, self.port):
                    return self
                raise RuntimeError(f"{self.name}: another process answers on port {self.port}; see {self.log_path}")
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready within {timeout} s; see {self.log_path}")

    def cpu_seconds(self):
        """CPU time (user + system) the process has used so far: per request it is the figure a busy machine inflates least."""
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(") ", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill9()


def ingest_json(api, document_id, text="Hej, jeg vil gerne klage over afgørelsen."):
    return call(api.url, "POST", "/api/v1/replies", {"documentId": document_id, "team": TEAM, "text": text})


# ---------------------------------------------------------------------------------------------------- scenarios

def claim_race(apis, rounds, racers):
    """Each round: a fresh reply, then `racers` caseworkers claim it at the same moment (spread over the instances)."""
    winners_per_round, codes = [], {}
    with ThreadPoolExecutor(racers) as pool:
        for r in range(rounds):
            status, body = ingest_json(apis[0], f"claim-{uuid.uuid4()}")
            if status != 201 or not body:
                return False, f"round {r + 1}: the reply to race for was not stored (HTTP {status})"
            reply_id = body["id"]
            barrier = threading.Barrier(racers)

            def claim(i):
                barrier.wait()
                return call(apis[i % len(apis)].url, "POST", f"/api/v1/replies/{reply_id}/claim", user=f"cw-{i:02d}")[0]

            statuses = list(pool.map(claim, range(racers)))
            for s in statuses:
                codes[s] = codes.get(s, 0) + 1
            winners_per_round.append(sum(1 for s in statuses if 200 <= s < 300))
    ok = all(w == 1 for w in winners_per_round)
    losers = ", ".join(f"{c}: {n}" for c, n in sorted(codes.items()) if not 200 <= c < 300)
    return ok, f"winners per round: min {min(winners_per_round)}, max {max(winners_per_round)}; losers {losers}"


def duplicates(api, db_count, parallel):
    """The same reply delivered `parallel` times at once, as JSON and as MeMo: one stored, one 201."""
    document_id, message_uuid = f"dup-{uuid.uuid4()}", str(uuid.uuid4())
    xml = memo_xml(message_uuid, "Jeg beder om aktindsigt i min sag.")
    with ThreadPoolExecutor(parallel) as pool:
        json_results = list(pool.map(lambda _: ingest_json(api, document_id), range(parallel)))
        memo_results = list(pool.map(lambda _: call(api.url, "POST", "/api/v1/replies", xml, content_type="application/xml"),
                                     range(parallel)))
    lines, ok = [], True
    for label, results, key in (("JSON", json_results, f"doc:{document_id}"), ("MeMo", memo_results, f"memo:{message_uuid}")):
        ids = {b["id"] for s, b in results if s in (200, 201)}
        created = sum(1 for s, _ in results if s == 201)
        failed = sum(1 for s, _ in results if s not in (200, 201))
        stored = db_count(key)
        ok &= len(ids) == 1 and created == 1 and failed == 0 and stored == 1
        lines.append(f"{label}: {stored} stored, {created}×201, {failed} failed")
    return ok, "; ".join(lines)


def kill_during_ingest(api, restart, sqlite_path, total, in_flight):
    """`in_flight` clients ingest `total` replies; the API is killed (SIGKILL) half-way and restarted."""
    acknowledged, lock, next_n = set(), threading.Lock(), iter(range(total))
    stop = threading.Event()

    def worker():
        while not stop.is_set():
            with lock:
                n = next(next_n, None)
            if n is None:
                return
            status, body = ingest_json(api, f"kill-{n}")
            if status in (200, 201):
                with lock:
                    acknowledged.add(f"doc:kill-{n}")
            elif status <= 0:
                return

    threads = [threading.Thread(target=worker) for _ in range(in_flight)]
    for t in threads:
        t.start()
    while len(acknowledged) < total // 2 and any(t.is_alive() for t in threads):
        time.sleep(0.01)
    api.kill9()
    stop.set()
    for t in threads:
        t.join()
    api = restart()
    try:
        db = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
        stored = {row[0] for row in db.execute("SELECT SourceKey FROM Replies WHERE SourceKey LIKE 'doc:kill-%'")}
        partial = db.execute("""SELECT COUNT(*) FROM Replies r WHERE NOT EXISTS
                                (SELECT 1 FROM ReplyEvents e WHERE e.ReplyId = r.Id AND e.Kind = 'Received')""").fetchone()[0]
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
        lost = len(acknowledged - stored)
        after = ingest_json(api, "kill-after-restart")[0]
    except Exception:
        api.stop()
        raise
    ok = lost == 0 and partial == 0 and integrity == "ok" and after == 201
    return ok, (f"{len(acknowledged)} acknowledged, {len(stored)} stored, {lost} acknowledged-but-lost, {partial} partial, "
                f"integrity_check {integrity}, ingest after restart {after}")


def graceful_stop(api, sqlite_path, in_flight):
    """SIGTERM while `in_flight` clients ingest: requests the server took are answered, later ones are refused.
    A connection still in the kernel's accept queue when the listener closes is reset unread (the load balancer
    retries it); one the server took but did not answer would be stored without an answer: that is the failure."""
    answered, refused, acknowledged, aborted, lock = 0, 0, set(), set(), threading.Lock()
    counter = iter(range(10**6))
    stop = threading.Event()

    def worker():
        nonlocal answered, refused
        while not stop.is_set():
            with lock:
                n = next(counter)
            status, _ = ingest_json(api, f"term-{n}")
            with lock:
                if status > 0:
                    answered += 1
                    if status in (200, 201):
                        acknowledged.add(f"doc:term-{n}")
                elif status == 0:
                    aborted.add(f"doc:term-{n}")
                else:
                    refused += 1
                    return

    threads = [threading.Thread(target=worker) for _ in range(in_flight)]
    for t in threads:
        t.start()
    time.sleep(2)
    api.process.send_signal(signal.SIGTERM)
    exit_code = api.process.wait(timeout=60)
    stop.set()
    for t in threads:
        t.join()
    with sqlite3.connect(sqlite_path) as db:  # the process has ended: read the file directly
        stored = {row[0] for row in db.execute("SELECT SourceKey FROM Replies WHERE SourceKey LIKE 'doc:term-%'")}
    lost = len(acknowledged - stored)
    unanswered = len(aborted & stored)
    ok = unanswered == 0 and lost == 0 and exit_code == 0
    return ok, (f"{answered} answered, {unanswered} taken but not answered, {len(aborted) - unanswered} reset unread in the "
                f"accept queue, {refused} refused after the stop began, {lost} acknowledged-but-lost, exit code {exit_code}")


def outbox_two_instances(apis, workzone, marks):
    """`marks` replies marked handled through both instances at once; both outbox workers deliver to the stand-in."""
    ids = []
    for n in range(marks):
        workzone.add(f"WZ-{n}")
        ids.append(ingest_json(apis[n % 2], f"WZ-{n}")[1]["id"])
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda p: call(apis[p[0] % 2].url, "POST", f"/api/v1/replies/{p[1]}/handled"), enumerate(ids)))
    deadline = time.time() + 120
    while time.time() < deadline:
        body = call(apis[0].url, "GET", "/health/ready")[1] or {}
        pending = body.get("checks", {}).get("outbox", {}).get("data", {}).get("pending")
        if pending == 0:
            break
        time.sleep(0.3)
    delivered = sum(1 for n in range(marks) if workzone.value(f"WZ-{n}", FIELD) == "Ja")
    doubled = sum(max(0, c - 1) for c in workzone.patches.values())
    ok = delivered == marks and doubled == 0
    return ok, f"{marks} marks: {delivered} delivered, {marks - delivered} lost, {doubled} doubled (PATCHes per record > 1)"


def mark_handled(apis, ids):
    """Marks the replies handled, spread over the instances; returns the statuses."""
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda p: call(apis[p[0] % len(apis)].url, "POST", f"/api/v1/replies/{p[1]}/handled"),
                             enumerate(ids)))


def outbox_pending(api):
    body = call(api.url, "GET", "/health/ready")[1] or {}
    return body.get("checks", {}).get("outbox", {}).get("data", {}).get("pending")


def workzone_outage(apis, restart, workzone, marks, outage_seconds):
    """WorkZone goes down; half the marks are made, API instances are restarted (`restart`: SIGTERM, start again;
    returns the instances now running and how many were restarted) while it is still down, the other half are made; WorkZone stays down at least `outage_seconds` (503 before the restart,
    connections closed unanswered after it), then returns. Returns (ok, detail, the restarted instances)."""
    ids = []
    for n in range(marks):
        workzone.add(f"OUT-{n}")
        ids.append(ingest_json(apis[n % len(apis)], f"OUT-{n}")[1]["id"])
    started = time.time()
    workzone.outage(mode="503")
    accepted = sum(1 for s, _ in mark_handled(apis, ids[:marks // 2]) if 200 <= s < 300)
    restart_started = time.time()
    workzone.outage(mode="reset")
    apis, restarted = restart(apis)
    restart_took = time.time() - restart_started
    accepted += sum(1 for s, _ in mark_handled(apis, ids[marks // 2:]) if 200 <= s < 300)
    time.sleep(max(0.0, started + outage_seconds - time.time()))
    delivered_during = sum(1 for n in range(marks) if workzone.value(f"OUT-{n}", FIELD) == "Ja")
    refused = workzone.refused
    workzone.restore()
    outage_took = time.time() - started
    back = time.time()
    deadline = back + 120
    while time.time() < deadline and outbox_pending(apis[0]) != 0:
        time.sleep(0.3)
    caught_up = time.time() - back
    delivered = sum(1 for n in range(marks) if workzone.value(f"OUT-{n}", FIELD) == "Ja")
    doubled = sum(max(0, c - 1) for rid, c in workzone.patches.items() if rid.startswith("OUT-"))
    ok = accepted == marks and delivered == marks and doubled == 0 and delivered_during == 0
    return ok, (f"{marks} marks over {len(apis)} instances, {restarted} of them restarted during the outage "
                f"({restart_took:.0f} s to ready again): "
                f"{accepted} accepted, {delivered} delivered, {marks - delivered} lost, {doubled} doubled; WorkZone down "
                f"{outage_took:.0f} s ({refused} requests refused: 503, then connections closed), "
                f"{delivered_during} delivered while down, queue empty {caught_up:.1f} s after it returned"), apis


def wrk(url, path, lua, args, connections, duration):
    # --timeout 10s: wrk's default (2 s) would count a slow answer on a busy machine as a socket error.
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", "-s", os.path.join(REPO, "benchmarks/http", lua),
               url + path, "--"] + args
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def parse_wrk(output):
    match = re.search(r"RESULT (.*)", output)
    if not match:
        return {"error": output[-300:]}
    return {k: float(v) for k, v in (pair.split("=") for pair in match.group(1).split())}


MIX = ["suggest", "inbox", "ingest"]


def mix_split(connections):
    """Each endpoint's share of the mixed row's connections: suggest 40 %, inbox 30 %, ingest the rest."""
    split = {"suggest": connections * 2 // 5, "inbox": connections * 3 // 10}
    split["ingest"] = connections - split["suggest"] - split["inbox"]
    return split


RUNTIME_TOTALS = {"jit_methods": "dotnet_jit_compiled_methods_total", "gc_pause": "dotnet_gc_pause_time_seconds_total",
                  "lock_contentions": "dotnet_monitor_lock_contentions_total", "pool_threads": "dotnet_thread_pool_thread_count"}


def runtime_totals(api):
    """The API's own running totals from /metrics (the runtime's meter): methods compiled, seconds paused for GC."""
    host, port = api.url.replace("http://", "").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
    except (OSError, http.client.HTTPException):
        return {}
    finally:
        conn.close()
    totals = {}
    for line in text.splitlines():
        for name, metric in RUNTIME_TOTALS.items():
            if line.startswith(metric + " ") or line.startswith(metric + "{"):
                totals[name] = totals.get(name, 0.0) + float(line.rsplit(" ", 1)[1])
    return totals


def mixed_load(api, connections, duration, mix=MIX):
    """Suggest, inbox and ingest at once (`connections` in all) for `duration` seconds: errors and latency each.
    `mix` leaves endpoints out (each keeps its share of the connections), to see what one endpoint's latency depends on."""
    payloads = os.path.join(REPO, "benchmarks/http/payloads")
    for n in range(200):  # an inbox worth paging
        ingest_json(api, f"seed-{n}")
    with open(os.path.join(payloads, "suggest.json")) as f:  # warm up: the first requests compile code paths
        for _ in range(5):
            call(api.url, "POST", "/api/v1/reply-options/suggest", f.read() or None)
            f.seek(0)
            call(api.url, "GET", f"/api/v1/teams/{TEAM}/replies")
    split = mix_split(connections)
    starts = {
        "suggest": lambda: wrk(api.url, "/api/v1/reply-options/suggest", "post-json.lua",
                               [f"{payloads}/suggest.json", "cw-rel", TEAM], split["suggest"], duration),
        "inbox": lambda: wrk(api.url, f"/api/v1/teams/{TEAM}/replies", "get.lua", ["cw-rel", TEAM], split["inbox"], duration),
        "ingest": lambda: wrk(api.url, "/api/v1/replies", "ingest.lua",
                              [f"{payloads}/reply-text.json", "cw-rel", TEAM, str(int(time.time()))], split["ingest"], duration),
    }
    runtime_before = runtime_totals(api)
    cpu_before, started = api.cpu_seconds(), time.time()
    runs = {name: start() for name, start in starts.items() if name in mix}
    results = {name: parse_wrk(run.communicate()[0]) for name, run in runs.items()}
    cpu, took = api.cpu_seconds() - cpu_before, time.time() - started
    runtime = {name: total - runtime_before.get(name, 0.0) for name, total in runtime_totals(api).items()}
    requests = sum(r.get("requests", 0) for r in results.values())
    errors = sum(int(r.get("socket_errors", 1)) + int(r.get("non2xx", 1)) for r in results.values())
    # What the process did besides answering during the row: methods still being compiled (code not yet optimized
    # runs slower for every request) and time stopped for garbage collection (every request waits).
    stalls = (f"JIT compiled {runtime['jit_methods']:.0f} methods, GC paused {runtime['gc_pause']:.2f} s, "
              f"{runtime.get('lock_contentions', 0):.0f} lock contentions, thread-pool threads {runtime.get('pool_threads', 0):+.0f}; "
              if {"jit_methods", "gc_pause"} <= runtime.keys() else "")
    detail = f"API CPU {cpu / took:.2f} cores, {cpu * 1000 / max(requests, 1):.2f} ms per request; {stalls}" + "; ".join(
        f"{name} ({split[name]} conn): {r.get('rps', 0):.0f} req/s, p50 {r.get('p50_ms', 0):.0f} ms, p99 {r.get('p99_ms', 0):.0f} ms, "
        f"non-2xx {int(r.get('non2xx', -1))}, socket errors {int(r.get('socket_errors', -1))}"
        for name, r in results.items())
    inbox_p99 = results["inbox"].get("p99_ms", 1e9) if "inbox" in results else None
    return errors == 0, inbox_p99, f"{errors} errors. {detail}"


def slow_connections(api, count, duration):
    """`count` clients that send a request header one byte every few seconds, while a caseworker keeps working."""
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", api.port), timeout=5)
        s.sendall(b"GET /api/v1/teams/team-rel/replies HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        sockets.append(s)
    answered, failed, slowest = 0, 0, 0.0
    deadline = time.time() + duration
    next_trickle = time.time()
    while time.time() < deadline:
        if time.time() >= next_trickle:
            for s in sockets:
                try:
                    s.send(b"x")
                except OSError:
                    pass
            next_trickle = time.time() + 5
        started = time.time()
        status = call(api.url, "GET", f"/api/v1/teams/{TEAM}/replies?limit=20", timeout=10)[0]
        slowest = max(slowest, time.time() - started)
        answered, failed = (answered + 1, failed) if status == 200 else (answered, failed + 1)
        time.sleep(0.2)
    closed = 0  # the server answered (408) or closed the connection: it did not wait for the header forever
    for s in sockets:
        try:
            s.settimeout(0.01)
            s.recv(64)
            closed += 1
        except socket.timeout:
            pass
        except OSError:
            closed += 1
        s.close()
    ok = failed == 0 and answered > 0
    return ok, (f"{count} slow clients for {duration} s: {answered} normal requests answered, {failed} failed, slowest "
                f"{slowest * 1000:.0f} ms; {closed} slow connections ended by Kestrel (408 or closed; request-headers timeout 30 s)")


# ---------------------------------------------------------------------------------------------------- driver

def start_quietly(api):
    try:
        api.start()
    except RuntimeError as e:
        print(e, flush=True)
        print_log_tail(api)


def print_log_tail(api, lines=25):
    """The end of an instance's log on the suite's output: CI keeps the output, not the work directory."""
    try:
        with open(api.log_path, errors="replace") as f:
            tail = f.readlines()[-lines:]
    except OSError:
        return
    print(f"--- last {len(tail)} lines of {api.name}'s log ---", flush=True)
    print("".join("    " + line for line in tail).rstrip(), flush=True)

def psql(npgsql, sql):
    """Runs one statement with psql on the database an Npgsql connection string names; returns its output."""
    parts = dict(p.split("=", 1) for p in npgsql.split(";") if "=" in p)
    libpq = f"host={parts.get('Host')} port={parts.get('Port', 5432)} user={parts.get('Username')} dbname={parts.get('Database', 'postgres')}"
    env = dict(os.environ, PGPASSWORD=parts.get("Password", ""))
    return subprocess.run(["psql", libpq, "-qtA", "-c", sql], check=True, env=env, capture_output=True, text=True).stdout.strip()


def postgres_database(admin):
    """A fresh database on the server in SMARTPOST_TEST_POSTGRES; returns its Npgsql connection string."""
    name = f"smartpost_rel_{uuid.uuid4().hex[:12]}"
    psql(admin, f'CREATE DATABASE "{name}"')
    parts = dict(p.split("=", 1) for p in admin.split(";") if "=" in p)
    parts["Database"] = name
    return ";".join(f"{k}={v}" for k, v in parts.items())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--short", action="store_true", help="the bounded variant ./test.sh runs (well under a minute)")
    parser.add_argument("--dll", required=True, help="built SmartPost.Api.dll")
    parser.add_argument("--write", help="write the table as Markdown to this file")
    parser.add_argument("--only", help=f"comma-separated scenarios to run, of: {', '.join(SCENARIOS)} (default: all)")
    parser.add_argument("--mix", default=",".join(MIX),
                        help="endpoints the mixed row loads, of: suggest, inbox, ingest (default: all three; the others keep "
                             "their connections, e.g. --mix inbox: the inbox's 30 %% alone); needs --only")
    parser.add_argument("--seconds", type=int, help="how long the mixed row loads (default 60; 5 with --short); needs --only")
    options = parser.parse_args()
    short = options.short
    chosen = set(options.only.split(",")) if options.only else set(SCENARIOS)
    if chosen - set(SCENARIOS):
        parser.error(f"unknown scenario(s) {', '.join(sorted(chosen - set(SCENARIOS)))}; choose from {', '.join(SCENARIOS)}")
    mix = options.mix.split(",")
    if set(mix) - set(MIX) or not mix:
        parser.error(f"--mix: choose from {', '.join(MIX)}")
    if set(mix) != set(MIX) and not options.only:
        parser.error("--mix changes the mixed row: use it with --only, so RELIABILITY.md keeps the full row")
    if options.seconds and not options.only:
        parser.error("--seconds changes the mixed row: use it with --only, so RELIABILITY.md keeps the full row")
    if options.only and options.write:
        parser.error("--write needs every scenario: a partial table would replace the whole file")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 20000), hard))
    workdir = tempfile.mkdtemp(prefix="smartpost-reliability-")
    postgres = os.environ.get("SMARTPOST_TEST_POSTGRES") if "postgres" in chosen else None
    command = "benchmarks/reliability/run.sh" + (" --short" if short else "")
    rows, apis = [], []

    def row(name, ok, detail, started):
        rows.append((name, "pass" if ok else "FAIL", detail, f"{time.time() - started:.0f} s"))
        print(f"[{'pass' if ok else 'FAIL'}] {name}: {detail}", flush=True)

    def make(name, settings):
        api = Api(options.dll, workdir, name, settings)
        apis.append(api)
        return api

    try:
        pair, starters, workzone = [], [], None
        if postgres:
            # Two instances start together on an empty PostgreSQL database, while the SQLite scenarios run.
            workzone = WorkZoneStandIn()
            shared = postgres_database(postgres)
            settings = {"Database__PostgresConnectionString": shared, "Database__SeedDemoData": "true",
                        "WorkZone__BaseUrl": workzone.url, "WorkZone__HandledFieldName": FIELD,
                        # Development without Entra ID; no deadline writes, so every PATCH counted is a handled mark.
                        "WorkZone__Auth__Mode": "None", "WorkZone__DeadlineFieldName": ""}
            pair = [make("pg-a", settings), make("pg-b", settings)]
            pair_started = time.time()
            starters = [threading.Thread(target=start_quietly, args=(api,)) for api in pair]
            for s in starters:
                s.start()
        sqlite_path = os.path.join(workdir, "single.db")
        single = make("sqlite", {"Database__SqlitePath": sqlite_path}).start()

        def count_source(key):
            with sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True) as db:
                return db.execute("SELECT COUNT(*) FROM Replies WHERE SourceKey = ?", (key,)).fetchone()[0]

        rounds = 3 if short else 20
        if "claim" in chosen:
            t = time.time()
            row(f"claim race {rounds} × 50, SQLite", *claim_race([single], rounds, 50), t)
        if "duplicates" in chosen:
            t = time.time()
            row("20 parallel duplicate ingests (JSON and MeMo)", *duplicates(single, count_source, 20), t)
        if "mixed" in chosen:
            t = time.time()
            connections, duration = (50, 5) if short else (200, 60)
            duration = options.seconds or duration
            ok, inbox_p99, detail = mixed_load(single, connections, duration, mix)
            if not short and inbox_p99 is not None:
                ok = ok and inbox_p99 < 250
                detail += f" — inbox p99 target < 250 ms: {'met' if inbox_p99 < 250 else 'NOT met'}"
            loaded = sum(n for name, n in mix_split(connections).items() if name in mix)
            row(f"mixed load {loaded} connections {duration} s ({' + '.join(mix)})", ok, detail, t)
        if "slow" in chosen:
            t = time.time()
            slow, slow_seconds = (200, 5) if short else (1000, 40)
            row(f"{slow} slow connections", *slow_connections(single, slow, slow_seconds), t)

        if "kill" in chosen:
            t = time.time()
            total = 200 if short else 3000
            restart = lambda: make("sqlite-restarted", {"Database__SqlitePath": sqlite_path}).start()  # noqa: E731
            row(f"kill -9 during {total} ingests (32 in flight), restart",
                *kill_during_ingest(single, restart, sqlite_path, total, 32), t)
        if "sigterm" in chosen:
            t = time.time()
            row("SIGTERM during ingest (32 in flight): graceful stop",
                *graceful_stop(apis[-1], sqlite_path, 32), t)

        if postgres:
            for s in starters:
                s.join()
            ready = [api.process is not None and api.process.poll() is None and listening_pid_owns(api.process.pid, api.port)
                     and call(api.url, "GET", "/health/ready")[0] == 200 for api in pair]
            started_ok = all(ready)
            for api, ok in zip(pair, ready):
                if not ok:
                    print_log_tail(api)
            demo_replies = int(psql(shared, 'SELECT COUNT(*) FROM "Replies"') or -1)
            migrations = psql(shared, 'SELECT COUNT(*) || \' applied, \' || COUNT(DISTINCT "MigrationId") || \' distinct\' FROM "__EFMigrationsHistory"')
            row("two instances start together on an empty PostgreSQL database (demo data on)", started_ok and demo_replies == 7,
                f"{'both ready' if started_ok else 'an instance did not start (see its log)'}; demo replies stored {demo_replies} "
                f"(7 expected); migrations {migrations}", pair_started)
            t = time.time()
            row(f"claim race {rounds} × 50, two instances on PostgreSQL", *claim_race(pair, rounds, 50), t)
            t = time.time()
            marks = 30 if short else 350
            row("two instances with the outbox running", *outbox_two_instances(pair, workzone, marks), t)
            t = time.time()
            outage_seconds, outage_marks = (5, 20) if short else (60, 200)
            # A restart while WorkZone is down waits StartupMetadataTimeout (default 30 s) for its $metadata before
            # serving; the short variant shortens that wait to stay short.
            restarted = dict(settings, Database__SeedDemoData="false")
            if short:
                restarted["WorkZone__StartupMetadataTimeout"] = "00:00:01"

            def restart_pair(running):
                # Full: both instances at once (nothing survives in memory). Short: one, to stay short.
                stopping = running[:1] if short else running

                def restart_one(api):
                    api.stop()
                    return make(f"{api.name}-restarted", restarted).start()

                with ThreadPoolExecutor(len(stopping)) as pool:
                    again = list(pool.map(restart_one, stopping))
                return again + running[len(stopping):], len(stopping)

            ok, detail, pair = workzone_outage(pair, restart_pair, workzone, outage_marks, outage_seconds)
            row(f"WorkZone outage {outage_seconds} s during marking + API restart (two instances, PostgreSQL)", ok, detail, t)
            for api in pair:
                api.stop()
            workzone.stop()
        elif "postgres" in chosen:
            rows.append(("two instances on PostgreSQL, WorkZone outage", "not run", "SMARTPOST_TEST_POSTGRES not set", "-"))
    finally:
        for api in apis:
            try:
                api.stop()
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass

    table = ["| scenario | result | figures | took |", "| --- | --- | --- | --- |"]
    table += [f"| {name} | {result} | {detail} | {took} |" for name, result, detail, took in rows]
    print("\n" + "\n".join(table))
    if options.write:
        with open(options.write, "w") as f:
            f.write(render_markdown(table, command))
    return 0 if all(r[1] in ("pass", "pending", "not run") for r in rows) else 1


def render_markdown(table, command):
    machine = f"{os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.1f} at the end"
    return "\n".join([
        "# Reliability",
        "",
        "What an operator would try, as real API processes on loopback (`benchmarks/reliability/run.py`).",
        f"Reproduce every row with `{command}` (PostgreSQL rows need PostgreSQL installed; run.sh starts a throw-away",
        "server), chosen rows alone with `--only` (e.g. `benchmarks/reliability/run.sh --only mixed`; the names are claim,",
        "duplicates, mixed, slow, kill, sigterm, postgres). `./test.sh` runs the short variant (`--short`) and fails when a",
        "guarantee breaks.",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on this machine ({machine}). "
        + ("**Other build/test jobs ran at the same time**: throughput and latency figures are lower bounds, not capacity."
           if os.getloadavg()[0] > 4 else "Nothing else ran on the machine."),
        "",
        *table,
        "",
        "## Reading the table",
        "",
        "- **Claim race**: per round a fresh reply and 50 caseworkers claiming it at the same moment (on PostgreSQL spread",
        "  over two API processes). Pass = exactly one 2xx per round. Losers should all get 409 naming the holder; the",
        "  412s are losers whose read raced the winner's write (the claim endpoint's concurrency handling, issue 12).",
        "- **Duplicates**: the same JSON reply and the same MeMo message, each posted 20 times at once. Pass = one row",
        "  stored (counted in the database), one 201, the rest 200 with the same id.",
        "- **kill -9**: 32 clients ingest; SIGKILL when half are acknowledged; restart on the same file. Pass = every",
        "  acknowledged reply stored, no reply without its audit event, `PRAGMA integrity_check` ok, ingest works after.",
        "  More stored than acknowledged is expected (committed, answer lost with the process).",
        "- **SIGTERM**: the graceful path. Requests the server took are answered; connections still in the kernel's accept",
        "  queue are reset unread (a load balancer retries them); new connections are refused.",
        "- **Two instances, outbox**: replies marked handled through both instances at once while both outbox workers",
        "  poll every 200 ms; a loopback WorkZone stand-in counts PATCHes per record. Pass = each delivered, none twice.",
        "- **Mixed load**: three `wrk` runs at once (suggest 40 %, inbox 30 %, ingest 30 % of the connections), 10 s",
        "  client timeout; errors = socket errors (incl. timeouts) + non-2xx. Rate limits are off (one caller); bulk",
        "  admission is not (32 deliveries in the process, 200 waiting: the row's 60 fit). Ingest runs on a lane of its",
        "  own threads, outside the thread pool that serves suggest and inbox (docs/operations.md, \"Interactive before",
        "  bulk\"). The API's CPU per request is printed. `--only mixed --mix inbox` (or `suggest,inbox`) runs the row",
        "  with only those endpoints, each on its usual connections: what the inbox's latency owes to the others.",
        "- **Slow connections**: clients that send a request header one byte every 5 s while a caseworker keeps using the",
        "  inbox. Pass = every normal request answered; Kestrel ends the slow ones after its 30 s header timeout.",
        "- **WorkZone outage**: the two PostgreSQL instances, replies marked \"SmartPost behandlet\" while the loopback",
        "  WorkZone stand-in is down (503 at first, then connections closed unanswered); half-way both API processes are",
        "  stopped (SIGTERM) and started again (the short run: one of them), still during the outage. Pass = every mark",
        "  accepted, none delivered while down, each delivered exactly once after WorkZone returns (PATCHes counted per",
        "  record). A restart during an",
        "  outage is ready only after `WorkZone:StartupMetadataTimeout` (30 s; 1 s in the short run).",
        "",
        *([
            "On a machine this loaded the latency and throughput rows measure the neighbours as much as the API (the same",
            "API answered thousands of suggest requests a second in quieter runs, see BENCHMARKS.md); the correctness rows",
            "(one winner, stored once, nothing lost or doubled) do not depend on load.",
            "",
        ] if os.getloadavg()[0] > 4 else []),
    ])


if __name__ == "__main__":
    sys.exit(main())
