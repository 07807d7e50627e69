using SmartPost.Api.Text;
using Microsoft.Graph.Models;

namespace SmartPost.Api.Identity;

/// <summary>Whether a person's automatic replies (out-of-office) are on for a day. The Graph seam of the screener.</summary>
public interface IOutOfOfficeLookup
{
    Task<OutOfOfficeState> GetAsync(string person, DateOnly date, CancellationToken cancellationToken);
}

public enum OutOfOfficeStatus { Off, On, Unknown, NotChecked }

/// <param name="Detail">Why (e.g. the scheduled window), in Danish/English, for the screener's explanation.</param>
public sealed record OutOfOfficeState(OutOfOfficeStatus Status, string Detail);

/// <summary>
/// Development has no Graph: automatic replies are not checked at all, so only the rota's own absences count.
/// The screener says so in its answer.
/// </summary>
public sealed class RotaAbsencesOnlyOutOfOfficeLookup : IOutOfOfficeLookup
{
    public Task<OutOfOfficeState> GetAsync(string person, DateOnly date, CancellationToken cancellationToken) =>
        Task.FromResult(new OutOfOfficeState(OutOfOfficeStatus.NotChecked,
            "Autosvar tjekkes ikke i Development; kun fravær i vagtplanen tæller."));
}

/// <summary>
/// Graph: GET /users/{id}/mailboxSettings?$select=automaticRepliesSetting with the caseworker's delegated token.
/// On for the day when status is alwaysEnabled, or scheduled with a window that overlaps the day (Danish time).
/// </summary>
public sealed class GraphOutOfOfficeLookup(CaseworkerGraph graph, ILogger<GraphOutOfOfficeLookup> logger) : IOutOfOfficeLookup
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public async Task<OutOfOfficeState> GetAsync(string person, DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await graph.ForCurrentCaller().Users[person].MailboxSettings
                .GetAsync(r => r.QueryParameters.Select = ["automaticRepliesSetting"], cancellationToken);
            return Evaluate(settings?.AutomaticRepliesSetting, date);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Graph automatic-replies lookup failed for {Person}", person);
            return new OutOfOfficeState(OutOfOfficeStatus.Unknown, "Autosvar kunne ikke slås op i Graph.");
        }
    }

    public static OutOfOfficeState Evaluate(AutomaticRepliesSetting? setting, DateOnly date)
    {
        switch (setting?.Status)
        {
            case AutomaticRepliesStatus.AlwaysEnabled:
                return new(OutOfOfficeStatus.On, "Autosvar er slået til.");
            case AutomaticRepliesStatus.Scheduled:
                var start = ToUtc(setting.ScheduledStartDateTime);
                var end = ToUtc(setting.ScheduledEndDateTime);
                var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Copenhagen.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));
                var dayEnd = dayStart.AddDays(1);
                var covers = start is not null && end is not null && start < dayEnd && end > dayStart;
                return covers
                    ? new(OutOfOfficeStatus.On, $"Planlagt autosvar {DanishTime.Format(start!.Value)}–{DanishTime.Format(end!.Value)}.")
                    : new(OutOfOfficeStatus.Off, "Planlagt autosvar dækker ikke datoen.");
            default:
                return new(OutOfOfficeStatus.Off, "Autosvar er slået fra.");
        }
    }

    /// <summary>Graph's DateTimeTimeZone: a local time plus a Windows or IANA zone name (usually "UTC").</summary>
    private static DateTimeOffset? ToUtc(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text || !DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local))
        {
            return null;
        }
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
