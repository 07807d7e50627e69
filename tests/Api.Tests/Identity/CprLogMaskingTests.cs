using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartPost.Api.Identity;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Identity;

/// <summary>CPR numbers never reach a log provider, whatever part of a log entry they are in.</summary>
public class CprLogMaskingTests
{
    // Independent of the production regex on purpose: DDMMYY-SSSS or DDMMYYSSSS with a plausible date.
    private static readonly Regex Cpr = new(@"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d\d-?\d{4}(?!\d)");

    private static ApiFactory CreateApi(CapturingLoggerProvider capture) => new ApiFactory()
        .WithSetting("Logging:LogLevel:Default", "Trace")
        .WithSetting("Logging:LogLevel:Microsoft", "Trace")
        .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
        .WithServices(s => s.AddSingleton<ILoggerProvider>(capture));

    [Fact]
    public async Task RequestsCarryingCprNumbersLeaveNoCprInTheLog()
    {
        var capture = new CapturingLoggerProvider();
        using (var api = CreateApi(capture))
        {
            var client = api.CreateCaseworkerClient("cw-anna", "team-a");
            client.DefaultRequestHeaders.Add("X-Dev-Roles", "SmartPost.TeamLead");
            await client.GetAsync("/api/v1/recipients/CPR/150466-1234/digital-post-status");
            await client.GetAsync("/api/v1/teams/team-a/screener?date=0101901234");
            await client.PutAsJsonAsync("/api/v1/teams/team-a/rota", new { weekdays = new[] { new { weekday = "Monday", person = "2512891234" } }, substitutes = new[] { "3112001234" } });
            await client.GetAsync("/api/v1/teams/team-a/rota?cpr=010190-1234");
        }

        var entries = capture.Entries.ToList();
        Assert.Contains(entries, e => e.Contains(CprLogMasking.Mask)); // the CPR-bearing request lines were logged, masked
        Assert.DoesNotContain(entries, e => Cpr.IsMatch(e));
    }

    [Fact]
    public void MessageValuesScopesAndExceptionsAreMasked()
    {
        var capture = new CapturingLoggerProvider();
        using var api = CreateApi(capture);
        var logger = api.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Test");

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestPath"] = "/replies/by-sender/1504661234" }))
        {
            logger.LogError(new InvalidOperationException("Sender 150466-1234 not found"), "Reply from {Sender} ({Number})", "150466-1234", 1504661234L);
        }

        var entries = capture.Entries.ToList();
        Assert.Contains(entries, e => e.Contains("Reply from xxxxxx-xxxx (xxxxxx-xxxx)"));
        Assert.Contains(entries, e => e.StartsWith("scope:") && e.Contains(CprLogMasking.Mask));
        Assert.Contains(entries, e => e.Contains("Sender xxxxxx-xxxx not found"));
        Assert.DoesNotContain(entries, e => Cpr.IsMatch(e));
    }

    // Split in two so that no test name in the run's log contains a CPR number (scripts/scan-log-for-cpr.sh).
    [Theory]
    [InlineData("ring 150466-", "1234 i dag", true)]
    [InlineData("cpr 150466", "1234.", true)]
    [InlineData("sag 2026-11", "2233", false)]          // case numbers are not CPR
    [InlineData("ticks 6389999999", "99999999", false)]
    [InlineData("321390", "1234", false)]               // day 32
    [InlineData("011390", "1234", false)]               // month 13
    public void OnlyCprLookingNumbersAreMasked(string start, string end, bool masked)
    {
        Assert.Equal(masked, CprLogMasking.MaskCpr(start + end).Contains(CprLogMasking.Mask));
    }
}

/// <summary>Records every message, structured value, exception text and scope a provider would see.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(Entries);

    public void Dispose() { }

    private sealed class CapturingLogger(ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue("scope:" + state + Values(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            entries.Enqueue(formatter(state, exception) + Values(state) + (exception is null ? "" : " | " + exception));
        }

        private static string Values<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? " | " + string.Join(", ", pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}"))
            : "";
    }
}
