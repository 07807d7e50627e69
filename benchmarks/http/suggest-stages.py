#!/usr/bin/env python3
"""Per-stage breakdown of a suggest (or bare echo) profile: reads `perf script -F comm,tid,ip,sym,dso` of the server
(JIT frames named through DOTNET_PerfMapEnabled=1) and puts each sample in the innermost stage found on its stack,
walking from the leaf outwards: a sample in the engine counts for the engine, one in authentication's own code for
authentication, one in Kestrel's parser for Kestrel. Samples whose stack has no known frame (native frames often lose
their callers) count by where they are: kernel by system call, GC, JIT, runtime, libc.
  suggest-stages.py STACKS CPU_MS REQUESTS   # CPU_MS of the server while recording, REQUESTS answered in it"""
import collections
import sys

from perf_samples import kernel_call, samples

# (stage, frame substrings); the first stage any frame matches, leaf first, wins.
STAGES = [
    ("GC", ["WKS::gc_heap", "SVR::gc_heap", "WKS::GCHeap", "GCHeap::Alloc", "gc_heap::"]),
    ("JIT (tiering)", ["libclrjit"]),
    ("engine (GuidanceEngine.Suggest)", ["GuidanceEngine::", "GuidelineScan", "LetterText", "SentenceAnchors",
                                         "SmartPost.Api.Guidance.Learned", "SmartPost.Api.Text"]),
    ("recipient standing", ["RecipientStandingResolver"]),
    ("read: decode + SuggestRequestReader", ["SuggestRequestReader", "SuggestFastPath::Read(", "Newtonsoft.Json.JsonTextReader"]),
    ("read: body from the socket", ["SuggestFastPath+<ReadBodyAsync", "SuggestFastPath::ReadBodyAsync", "Http1ContentLengthMessageBody"]),
    ("write: SuggestionJson + response", ["SuggestionJson", "PooledJsonResponse", "Newtonsoft.Json.JsonTextWriter"]),
    ("fast path, own", ["SuggestFastPath"]),
    ("MVC (fallback)", ["Microsoft.AspNetCore.Mvc"]),
    ("echo handler (bare Kestrel)", ["SmartPost.BareKestrel", "System.Text.Json"]),
    ("rate limiter", ["RateLimiting"]),
    ("authorization", ["Authorization"]),
    ("authentication (Development headers)", ["Authentication", "DevHeader", "ClaimsPrincipal", "ClaimsIdentity"]),
    ("security headers", ["SecurityHeaders"]),
    ("CORS", ["Microsoft.AspNetCore.Cors"]),
    ("static files (pass through)", ["StaticFiles", "StaticFileMiddleware"]),
    ("Swagger (pass through)", ["Swashbuckle", "Swagger"]),
    ("exception handler, status pages, body limit", ["ExceptionHandler", "StatusCodePages", "BodySizeLimit"]),
    ("routing (endpoint matching)", ["Microsoft.AspNetCore.Routing"]),
    ("logging, activity, metrics, diagnostics", ["Microsoft.Extensions.Logging", "System.Diagnostics.Activity", "DiagnosticListener",
                                                   "System.Diagnostics.Metrics", "HostingMetrics", "CprMasking", "Telemetry",
                                                   "HostingApplicationDiagnostics", "OpenTelemetry"]),
    ("DI request scope", ["ServiceProvider", "ServiceScope", "RequestServicesFeature"]),
    ("hosting: HttpContext, features", ["Microsoft.AspNetCore.Hosting", "DefaultHttpContext", "Microsoft.AspNetCore.Http."]),
    ("Kestrel: HTTP/1.1 parse and write", ["Server.Kestrel.Core", "Microsoft.AspNetCore.Server.Kestrel.Core"]),
    ("sockets, pipelines", ["Sockets", "System.IO.Pipelines", "Kestrel.Transport"]),
    ("thread pool: idle workers spinning, waiting", ["LowLevelSpinWaiter", "LowLevelLifoSemaphore", "WaitForSignal",
                                                    "PortableThreadPool+WorkerThread"]),
    ("thread pool, tasks", ["System.Threading", "PortableThreadPool", "ThreadPoolWorkQueue", "AsyncTaskMethodBuilder",
                            "AsyncStateMachineBox", "System.Runtime.CompilerServices"]),
]


def fallback(frames):
    top = frames[0] if frames else ""
    if "kallsyms" in top or "[kernel" in top:
        return "kernel " + (kernel_call(frames) or "(no system call: interrupts, scheduling)")
    if "libc.so" in top:
        return "libc (memcpy, malloc), caller lost"
    if "libcoreclr" in top:
        return "runtime (other)"
    return "other"


def stage(frames):
    for f in frames:
        for name, keys in STAGES:
            if any(k in f for k in keys):
                return name
    return fallback(frames)


def main():
    path, cpu_ms, requests = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    counts = collections.Counter(stage(frames) for comm, frames in samples(path))
    total = sum(counts.values())
    per_request = cpu_ms * 1000 / requests
    print(f"{total} samples; {per_request:.1f} µs of server CPU per request ({requests:.0f} requests)")
    for name, n in counts.most_common():
        if 100 * n / total >= 0.2:
            print(f"    {name:<52} {100 * n / total:5.1f} %  {n * per_request / total:6.1f} µs")


if __name__ == "__main__":
    main()
