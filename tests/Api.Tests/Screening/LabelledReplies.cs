using Newtonsoft.Json.Linq;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Labelled replies (JSONL: id, subject, text, labels, note) and the screener under test.</summary>
public static class LabelledReplies
{
    public sealed record Reply(string Id, string? Subject, string Text, string[] Labels, string Note)
    {
        public override string ToString() => Id;
    }

    public static readonly IReadOnlyDictionary<string, FlagKind> LabelKinds = new Dictionary<string, FlagKind>
    {
        ["aktindsigt"] = FlagKind.AccessToRecordsRequest,
        ["klage"] = FlagKind.Complaint,
        ["fristforlaengelse"] = FlagKind.DeadlineExtensionRequest,
    };

    public static IEnumerable<Reply> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var o = JObject.Parse(l);
            return new Reply((string)o["id"]!, (string?)o["subject"], (string)o["text"]!,
                o["labels"]!.Select(t => (string)t!).ToArray(), (string?)o["note"] ?? "");
        });

    public static string LexiconPath => Path.Combine(AppContext.BaseDirectory, "Rules", "screening-lexicon.json");

    public static ReplyScreener CreateScreener(ScreeningOptions? options = null, CalendarOptions? calendar = null) =>
        new(ScreeningLexicon.Load(LexiconPath),
            new DueDateRules(new DanishWorkingDays(calendar ?? new CalendarOptions()), options ?? new ScreeningOptions()));

    public static string[] LabelsOf(ScreeningResult result) =>
        LabelKinds.Where(k => result.Has(k.Value)).Select(k => k.Key).Order().ToArray();

    public static ScreeningContext AnyContext { get; } = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
}
