using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Polly.Timeout;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// The feed's last successful and last failed poll as stored in the database by whichever instance holds the feed
/// lease, so every instance reports the same lag (health check, metric, status). Times are UTC.
/// </summary>
public sealed record WorkZoneFeedProgress(DateTimeOffset? LastPollAt, DateTimeOffset? LastFailureAt, string? LastFailure)
{
    public static readonly WorkZoneFeedProgress None = new(null, null, null);

    /// <summary>The latest attempt failed: WorkZone is unreachable or refusing right now.</summary>
    public bool Failing => LastFailureAt is { } failed && (LastPollAt is not { } ok || failed > ok);

    public static async Task<WorkZoneFeedProgress> ReadAsync(AppDb db, CancellationToken ct)
    {
        var row = await db.Set<WorkZoneFeedState>().AsNoTracking()
            .Where(s => s.Name == WorkZoneFeedState.IncomingFeed)
            .Select(s => new { s.LastPollAt, s.LastFailureAt, s.LastFailure })
            .FirstOrDefaultAsync(ct);
        return row is null ? None : new(Utc(row.LastPollAt), Utc(row.LastFailureAt), row.LastFailure);
    }

    /// <summary>
    /// Why a poll failed, as a kind for operators and metrics ("HTTP 503", "network: ConnectionRefused", "timeout"):
    /// WorkZone's own error text may quote a record, so it stays in the logs at most.
    /// </summary>
    public static string FailureKind(Exception e) => e switch
    {
        WorkZoneAuthException => "access refused (401)",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException { InnerException: SocketException socket } => $"network: {socket.SocketErrorCode}",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"network: {http.HttpRequestError}",
        TimeoutRejectedException or TaskCanceledException or TimeoutException => "timeout",
        WorkZoneConfigurationException => "settings do not match WorkZone's model",
        _ => e.GetType().Name,
    };

    private static DateTimeOffset? Utc(DateTime? at) =>
        at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
