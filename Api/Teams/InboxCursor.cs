using System.Globalization;
using System.Text;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>Opaque keyset cursor: the sort key of the last row shown (due date, received, id).</summary>
public readonly record struct InboxCursor(DateOnly SortDueDate, DateTime ReceivedAt, long Id)
{
    public static InboxCursor From(Reply r) => new(r.SortDueDate, r.ReceivedAt, r.Id);

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{SortDueDate.DayNumber}.{ReceivedAt.Ticks}.{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string value, out InboxCursor cursor)
    {
        cursor = default;
        try
        {
            var b64 = value.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('.');
            if (parts.Length != 3) return false;
            var day = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var ticks = long.Parse(parts[1], CultureInfo.InvariantCulture);
            var id = long.Parse(parts[2], CultureInfo.InvariantCulture);
            cursor = new InboxCursor(DateOnly.FromDayNumber(day), new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
