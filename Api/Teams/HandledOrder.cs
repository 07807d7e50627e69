using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>
/// The "Behandlet" view's order: the most recently handled first, as a caseworker looks for what was just finished
/// (to undo it, or to check a colleague's). Keyset-paged on (HandledAt, Id) descending, which the handled index
/// (<see cref="ReplyConfiguration.HandledIndex"/>) answers without a sort.
/// </summary>
public static class HandledOrder
{
    public static IQueryable<Reply> NewestHandledFirst(this IQueryable<Reply> q) =>
        q.OrderByDescending(r => r.HandledAt).ThenByDescending(r => r.Id);

    public static IQueryable<Reply> After(this IQueryable<Reply> q, HandledCursor c) =>
        q.Where(r => r.HandledAt < c.HandledAt || (r.HandledAt == c.HandledAt && r.Id < c.Id));

    internal static async Task<(List<Reply> Rows, bool More)> PageAsync(
        IQueryable<Reply> q, string? flag, HandledCursor? after, int limit, CancellationToken ct)
    {
        var page = q.WithFlag(flag);
        if (after is { } k) page = page.After(k);
        var rows = await page.NewestHandledFirst().Take(limit + 1).ListColumns().ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        return (rows, more);
    }
}

/// <summary>Opaque keyset cursor of the "Behandlet" view: when the last row shown was handled, and its id.</summary>
public readonly record struct HandledCursor(DateTime HandledAt, long Id)
{
    private const string Prefix = "h.";

    public static HandledCursor From(Reply r) => new(r.HandledAt ?? DateTime.MinValue, r.Id);

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Prefix}{HandledAt.Ticks}.{Id}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string value, out HandledCursor cursor)
    {
        cursor = default;
        try
        {
            var b64 = value.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
            var parts = text[Prefix.Length..].Split('.');
            if (parts.Length != 2) return false;
            cursor = new HandledCursor(
                new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc), long.Parse(parts[1], CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
