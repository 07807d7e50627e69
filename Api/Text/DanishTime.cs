using System.Globalization;

namespace SmartPost.Api.Text;

/// <summary>
/// The one way user-facing text shows a moment: "5. december 2026 kl. 09.14" in Danish time (Europe/Copenhagen),
/// as caseworkers write it. Stored and JSON values stay UTC; only sentences meant for people use this.
/// </summary>
public static class DanishTime
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>"5. december 2026 kl. 09.14". A DateTime of unspecified kind is taken as UTC (how the database returns it).</summary>
    public static string Format(DateTime utc) =>
        Format(new DateTimeOffset(DateTime.SpecifyKind(utc, utc.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)));

    public static string Format(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Copenhagen);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} kl. {local.ToString("HH.mm", Danish)}";
    }

    /// <summary>"5. december 2026" for a moment (UTC), on the Danish calendar.</summary>
    public static string Date(DateTime utc) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Copenhagen)));

    /// <summary>"5. december 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Danish);

    /// <summary>Today's date in Denmark.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Copenhagen).DateTime);
}
