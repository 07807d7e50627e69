using System.Collections.Concurrent;

namespace WorkZoneStandIn;

/// <summary>One request the OData service answered, as the tests and the admin endpoint see it.</summary>
public sealed record LoggedRequest(
    DateTimeOffset At, string Method, string PathAndQuery, int Status, string? OnBehalfOf, bool HadBearerToken,
    string? IfMatch, string? Body, IReadOnlyList<string> ChangedProperties);

public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();

    public void Add(LoggedRequest entry) => _entries.Enqueue(entry);

    public IReadOnlyList<LoggedRequest> All() => _entries.ToArray();

    public void Clear() => _entries.Clear();
}
