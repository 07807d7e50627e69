#!/usr/bin/env python3
"""Per-stage breakdown of an ingest profile: reads `perf script -F comm,tid,ip,sym,dso` of the API (JIT frames named
through DOTNET_PerfMapEnabled=1) and puts each sample in one stage, by thread (the bulk-work lane, the thread pool, the
rest) and by the first stage in the lists below that any frame of the sample belongs to. Native SQLite, libc and kernel
frames often lose their callers (no frame pointers): they are counted as such, the kernel ones by system call.
  perf-stages.py STACKS CPU_MS REQUESTS   # CPU_MS of the API during the recording, REQUESTS answered in it
In the dwarf mode (ingest-perf.sh MODE=dwarf: the lane thread only, native stacks unwound) the lane's SQLite time is
split by the SQLite call it is under (prepare, step, ...) and what inside it."""
import collections
import re
import sys

from perf_samples import kernel_call, samples

LANE = [
    ("screening", ["ReplyScreener::Screen"]),
    ("search text (folded words)", ["ReplySearchText::Build"]),
    ("ToReply (flags JSON)", ["ReplyIngest::ToReply"]),
    ("inserts (RowInsert)", ["RowInsert"]),
    ("inserts (EF SaveChanges)", ["SaveChanges"]),
    ("linking", ["ReplyLinker"]),
    ("source-key look-up", ["BySourceKey"]),
    ("EF query, not placed", ["EntityFrameworkCore.Query", "QueryingEnumerable"]),
    ("Microsoft.Data.Sqlite, not placed", ["Microsoft.Data.Sqlite"]),
    ("EF other (connection, transaction)", ["Microsoft.EntityFrameworkCore"]),
    ("lane and task plumbing", ["BulkWorkLane", "ScreenWithinBudget", "System.Threading.Tasks"]),
]
POOL = [
    ("idle workers spinning", ["LowLevelSpinWaiter", "LowLevelLifoSemaphore"]),
    ("request body: JSON read, bind, validate", ["ControllerBinderDelegateProvider"]),
    ("response: result, link, JSON write", ["ObjectResultExecutor", "CreatedAtActionResult"]),
    ("controller (before and after the lane)", ["RepliesController"]),
    ("authentication", ["AuthenticationHandler", "DevHeaderAuthentication", "AuthenticationService"]),
    ("DI scope, context pool", ["DbContextPool", "ServiceProvider", "ServiceScope"]),
    ("MVC invoker, routing, filters", ["Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing"]),
    ("middleware, Kestrel, sockets", ["Microsoft.AspNetCore", "System.Net.Sockets", "System.IO.Pipelines"]),
]
SQLITE_INSIDE = {
    "sqlite3_prepare_v2": [("trigger code", ["codeRowTrigger", "sqlite3CodeRowTrigger"]), ("INSERT code", ["sqlite3Insert"]),
                           ("SELECT code", ["sqlite3Select", "sqlite3WhereBegin"])],
    "sqlite3_step": [("checkpoint", ["Checkpoint"]), ("WAL write (commit)", ["WalFrames", "walFrames"]),
                     ("FTS5 word index", ["fts5", "Fts5"]), ("page reads", ["getPageNormal", "readDbPage", "WalReadFrame"]),
                     ("triggers and rows", ["sqlite3VdbeExec"])],
}


def native(frames):
    top = frames[0] if frames else ""
    if "libe_sqlite3" in top:
        return "SQLite native, caller lost"
    if "kallsyms" in top:
        return "kernel " + (kernel_call(frames) or "(other)")
    if "libc.so" in top:
        return "libc (malloc, memcpy), caller lost"
    if "libcoreclr" in top:
        return "runtime"
    return "other managed"


def sqlite_call(frames):
    api = None
    for f in frames:  # innermost first: the last sqlite3_ entry point is the one managed code called
        m = re.search(r" (sqlite3_\w+) \(", f)
        if m:
            api = m.group(1)
    if api is None:
        return None
    for name, keys in SQLITE_INSIDE.get(api, []):
        if any(k in f for f in frames for k in keys):
            return f"SQLite {api}: {name}"
    return f"SQLite {api}" + (": other" if api in SQLITE_INSIDE else "")


def stage(comm, frames):
    if comm.startswith("SmartPost bulk"):
        group, rules = "lane (one thread: the ingests, one at a time)", LANE
    elif comm.startswith((".NET TP Worker", ".NET Sockets")):
        group, rules = "thread pool (HTTP, MVC)", POOL
    else:
        return comm.strip(), None
    for name, keys in rules:
        if any(k in f for f in frames for k in keys):
            return group, name
    return group, sqlite_call(frames) or native(frames)


def main():
    path, cpu_ms, requests = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    counts = collections.Counter(stage(comm[:16], frames) for comm, frames in samples(path))
    total = sum(counts.values())
    us = cpu_ms * 1000 / requests / max(total, 1)
    groups = collections.Counter()
    for (group, _), n in counts.items():
        groups[group] += n
    print(f"{total} samples; {cpu_ms * 1000 / requests:.0f} µs of API CPU per reply")
    for group, n in groups.most_common():
        print(f"{group:<58} {100 * n / total:5.1f} %  {n * us:6.0f} µs")
        for (g, name), m in counts.most_common():
            if g == group and name and 100 * m / total >= 0.3:
                print(f"    {name:<54} {100 * m / total:5.1f} %  {m * us:6.0f} µs")


if __name__ == "__main__":
    main()
