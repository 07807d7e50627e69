using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Teams;

/// <param name="Person">Who screens today; null when nobody on the rota is available.</param>
/// <param name="IsSubstitute">True when a substitute stands in for <paramref name="Scheduled"/>.</param>
/// <param name="Reason">The full explanation (<see cref="ScreenerResponse.Reason"/>).</param>
/// <param name="Scheduled">The weekday's responsible person per the rota.</param>
/// <param name="Because">Short why the scheduled person is not screening (absence, automatic replies); null otherwise.</param>
public sealed record InboxScreener(string? Person, bool IsSubstitute, string Reason, string? Scheduled, string? Because);

/// <summary>
/// Today's screener for the daily screening list (issue 5: the daily screening list shows the responsible person
/// and the substitute). The list is screened today, so today's rota counts, not yesterday's.
/// </summary>
public static class InboxScreenerLookup
{
    public static async Task<InboxScreener?> TodayAsync(
        AppDb db, string team, IOutOfOfficeLookup outOfOffice, TimeProvider clock, CancellationToken ct)
    {
        var rota = await RotaQueries.LoadAsync(db, team, ct);
        if (rota is null) return null;
        var today = TeamStatistics.DanishDay(clock.GetUtcNow().UtcDateTime);
        var chosen = await ScreenerSelection.ChooseAsync(rota, today, outOfOffice, ct);
        string? because = null;
        if (chosen.IsSubstitute || chosen.Responsible is null)
        {
            because = chosen.Scheduled is null
                ? "ingen har vagten på denne ugedag"
                : chosen.Skipped.FirstOrDefault(s => s.Person == chosen.Scheduled)?.Detail;
        }
        return new InboxScreener(chosen.Responsible, chosen.IsSubstitute, chosen.Reason, chosen.Scheduled, because);
    }
}
