using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPost.Api.Identity;

namespace SmartPost.Benchmarks;

/// <summary>
/// The cost CPR masking adds to every log entry (issue 5, Privacy): the regex over a typical request-log line,
/// and a whole structured log call through the masking logger.
/// </summary>
[MemoryDiagnoser]
public class IdentityBenchmarks
{
    private const string CleanLine =
        "Request starting HTTP/1.1 GET http://localhost:5080/api/v1/teams/team-a/replies?status=unhandled&flag=AccessToRecordsRequest - application/json 0";
    private const string LineWithCpr =
        "Request starting HTTP/1.1 GET http://localhost:5080/api/v1/recipients/CPR/150466-1234/digital-post-status - application/json 0";

    private readonly ILogger _masking = new CprMaskingLogger(new AlwaysEnabledLogger());

    [Benchmark(Baseline = true)]
    public string MaskCleanLine() => CprLogMasking.MaskCpr(CleanLine);

    [Benchmark]
    public string MaskLineWithCpr() => CprLogMasking.MaskCpr(LineWithCpr);

    [Benchmark]
    public void StructuredLogCallThroughMaskingLogger() =>
        _masking.LogInformation("Reply {ReplyId} from {Sender} linked to case {CaseNumber}", 4711, "150466-1234", "2026-112233");

    /// <summary>Formats like a real provider would, then drops the text.</summary>
    private sealed class AlwaysEnabledLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            GC.KeepAlive(formatter(state, exception));
    }
}
