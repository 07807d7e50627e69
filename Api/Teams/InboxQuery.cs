using SmartPost.Api.Replies;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Teams;

/// <summary>Filters shared by the inbox and the shared searches.</summary>
public static class InboxQuery
{
    public static readonly string[] Statuses = ["unhandled", "handled", "all"];
    public const string ManualScreeningFlag = "NeedsManualScreening";

    public static bool IsFlag(string flag) =>
        flag == ManualScreeningFlag || Enum.TryParse<FlagKind>(flag, ignoreCase: false, out _);

    public static IQueryable<Reply> WithStatus(this IQueryable<Reply> q, string status) => status switch
    {
        "handled" => q.Where(r => r.IsHandled),
        "all" => q,
        _ => q.Where(r => !r.IsHandled),
    };

    public static IQueryable<Reply> WithFlag(this IQueryable<Reply> q, string? flag) => flag switch
    {
        null => q,
        nameof(FlagKind.AccessToRecordsRequest) => q.Where(r => r.HasAccessToRecordsRequest),
        nameof(FlagKind.Complaint) => q.Where(r => r.HasComplaint),
        nameof(FlagKind.DeadlineExtensionRequest) => q.Where(r => r.HasDeadlineExtensionRequest),
        ManualScreeningFlag => q.Where(r => r.NeedsManualScreening),
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };

    /// <summary>Due date first (no due date last), then oldest first; the id breaks ties.</summary>
    public static IQueryable<Reply> InInboxOrder(this IQueryable<Reply> q) =>
        q.OrderBy(r => r.SortDueDate).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id);

    public static IQueryable<Reply> After(this IQueryable<Reply> q, InboxCursor c) => q.Where(r =>
        r.SortDueDate > c.SortDueDate
        || (r.SortDueDate == c.SortDueDate && (r.ReceivedAt > c.ReceivedAt || (r.ReceivedAt == c.ReceivedAt && r.Id > c.Id))));
}
