using Microsoft.Extensions.Logging;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// Appends every log entry of every test's app (Debug and up, exceptions included) to one file, so test.sh can
/// scan the whole run's logs for CPR numbers. Enabled when SMARTPOST_TEST_LOG names the file.
/// </summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    public const string Variable = "SMARTPOST_TEST_LOG";
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose() { }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}\n";
            lock (Gate)
            {
                File.AppendAllText(path, line);
            }
        }
    }
}
