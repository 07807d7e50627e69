using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Dispatch;

public class DispatchLoggingTests
{
    [Fact]
    public async Task CprNumberNeverReachesTheLogs()
    {
        var logs = new CapturingLoggerProvider();
        using var api = new ApiFactory()
            .WithClock(new FixedClock(DispatchRequests.Now))
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var client = api.CreateCaseworkerClient();

        await client.PostDispatchAsync(DispatchRequests.Valid(id: "150466-2765"), "log-key");
        await client.PostDispatchAsync(DispatchRequests.Valid(id: "150466-2765"), "log-key");
        await client.GetAsync("/api/v1/recipients/CPR/150466-2765/digital-post-status");

        Assert.Contains(logs.Messages, m => m.Contains("150466-****"));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("1504662765") || m.Contains("150466-2765"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
