using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartPost.Api.Identity;

/// <summary>
/// CPR numbers never reach a log (issue 5, Privacy): every logger the app creates masks CPR-looking numbers in
/// the message, the structured values, scopes (request paths!) and exception text, before any provider sees them.
/// </summary>
public static partial class CprLogMasking
{
    public const string Mask = "xxxxxx-xxxx";

    /// <summary>
    /// DDMMYY, optional dash, four digits, not part of a longer number. Day 01–31 and month 01–12 keep ticks,
    /// timestamps and ids like 2026112209 out; the same pattern is in scripts/scan-log-for-cpr.sh.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    public static partial Regex CprPattern();

    public static string MaskCpr(string text) => CprPattern().Replace(text, Mask);

    public static IServiceCollection AddCprMaskedLogging(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new CprMaskingLoggerFactory(
            ActivatorUtilities.CreateInstance<LoggerFactory>(sp))));
        return services;
    }
}

/// <summary>The framework's logger factory (all registered providers, filters) with masking loggers on top.</summary>
public sealed class CprMaskingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    // One masking logger per category: authentication handlers, built per request, ask for theirs on every request.
    // The inner loggers follow providers added later, so a remembered wrapper stays complete.
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => new CprMaskingLogger(factory.CreateLogger(name)), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

public sealed class CprMaskingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(new MaskedScope<TState>(state));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        var masked = MaskedLogState.From(state, formatter(state, null));
        inner.Log(logLevel, eventId, masked, exception is null ? null : new CprMaskedException(exception), static (s, _) => s.ToString());
    }
}

/// <summary>A log entry's structured values and text with CPR numbers masked (keys and the message template kept).</summary>
public sealed class MaskedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static MaskedLogState From<TState>(TState state, string message)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => p.Key == "{OriginalFormat}" ? p : new KeyValuePair<string, object?>(p.Key, MaskValue(p.Value))).ToList()
            : [];
        return new MaskedLogState(values, CprLogMasking.MaskCpr(message));
    }

    private static object? MaskValue(object? value) => value switch
    {
        null => null,
        bool or Enum or double or float or decimal => value,
        var v when v.ToString() is { } text && CprLogMasking.CprPattern().IsMatch(text) => CprLogMasking.MaskCpr(text),
        _ => value is string or int or long or Guid or DateTime or DateTimeOffset or TimeSpan ? value : CprLogMasking.MaskCpr(value.ToString() ?? ""),
    };

    public KeyValuePair<string, object?> this[int index] => values[index];
    public int Count => values.Count;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => message;
}

/// <summary>
/// A scope's values and text with CPR numbers masked, worked out when a provider first reads them. Every request opens
/// scopes (its path, its action) and most providers never read them: masking them all up front was 1–2 % of a suggest
/// request's CPU. Whoever reads the scope sees only masked values.
/// </summary>
public sealed class MaskedScope<TState>(TState state) : IReadOnlyList<KeyValuePair<string, object?>> where TState : notnull
{
    private MaskedLogState? _masked;

    private MaskedLogState Masked => _masked ??= MaskedLogState.From(state, state.ToString() ?? "");

    public KeyValuePair<string, object?> this[int index] => Masked[index];
    public int Count => Masked.Count;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Masked.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => Masked.ToString();
}

/// <summary>Stands in for a logged exception: same text and stack trace, CPR numbers masked.</summary>
public sealed class CprMaskedException(Exception original) : Exception(CprLogMasking.MaskCpr(original.Message))
{
    public string OriginalType => original.GetType().FullName ?? "Exception";
    public override string? StackTrace => original.StackTrace is { } s ? CprLogMasking.MaskCpr(s) : null;
    public override string ToString() => CprLogMasking.MaskCpr(original.ToString());
}
