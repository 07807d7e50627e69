// TEMPORARY SHIM (feat/replies only): the screening engine is built on feat/screening. This file only lets the
// replies feature compile and run against the agreed contract until main brings the real engine; delete on merge.
namespace SmartPost.Api.Screening;

public enum FlagKind { AccessToRecordsRequest, Complaint, DeadlineExtensionRequest }

public sealed record Evidence(string Text, int Start, int Length, string Field);

public sealed record DueDate(DateOnly Date, string Rule, string Code);

public sealed record ScreeningFlag(
    FlagKind Kind, string? SubKind, IReadOnlyList<Evidence> Evidence, DateOnly? DueDate, string Rule,
    IReadOnlyList<DueDate> Deadlines, bool? InTime);

public sealed record ScreeningContext(DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredDecisionNotifiedAt, string? AnsweredCategory);

public sealed record ScreeningResult(IReadOnlyList<ScreeningFlag> Flags, bool NeedsManualScreening, string OwnText);

public sealed class ReplyScreener
{
    private static readonly (string Word, FlagKind Kind)[] Words =
    [
        ("aktindsigt", FlagKind.AccessToRecordsRequest), ("klage", FlagKind.Complaint), ("fristforlængelse", FlagKind.DeadlineExtensionRequest),
    ];

    public ScreeningResult Screen(string? subject, string text, ScreeningContext context)
    {
        var flags = new List<ScreeningFlag>();
        foreach (var (word, kind) in Words)
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var due = DateOnly.FromDateTime(context.ReceivedAt.UtcDateTime).AddDays(kind == FlagKind.Complaint ? 28 : 9);
            flags.Add(new ScreeningFlag(kind, null, [new Evidence(text.Substring(at, word.Length), at, word.Length, "text")],
                due, "shim", [new DueDate(due, "shim", "shim")], null));
        }
        return new ScreeningResult(flags, false, text);
    }
}
