using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Text;

namespace SmartPost.Benchmarks;

/// <summary>
/// Where the screening of one long reply (<see cref="LongReply"/>, 256 kB unless told) goes, part by part: quote
/// ranges, the text core's reading, the concept scan, the rule matching, the own text, the whole rule screening and
/// the app's screening with the model. Stages alternate (<see cref="ProfileStage"/>), so they share the machine's load.
///   dotnet run -c Release --project benchmarks/Benchmarks -- screening-profile [kB] [seconds]
/// </summary>
internal static class ScreeningProfile
{
    public static int Run(int kb, double seconds)
    {
        var rulesFolder = Path.Combine(AppContext.BaseDirectory, "Rules");
        var rules = ScreeningRules.Load(Path.Combine(rulesFolder, "screening-concepts.json"));
        var dueDates = new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions());
        var screener = new ReplyScreener(rules, dueDates);
        var withModel = new ReplyScreener(rules, dueDates, ReplyClassifier.Load(Path.Combine(rulesFolder, "screening-model.zip")), new ScreeningOptions());
        var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
        var reply = LongReply.OwnText(kb) + LongReply.QuotedLetter;
        var analyzer = rules.Concepts.Analyzer;
        var document = analyzer.Analyze(reply);
        Console.WriteLine($"reply {reply.Length} chars, {document.Tokens.Length} words, {document.Sentences.Count} sentences, " +
            $"{rules.Concepts.Find(document).Count} concept hits; load [{ProfileStage.Load()}]");

        var stages = new List<ProfileStage>
        {
            new("quoted ranges", () => QuotedText.Ranges(reply, signatures: true)),
            new("analyse (read the words)", () => analyzer.Analyze(reply)),
            new("find concepts", () => rules.Concepts.Find(document)),
            new("match rules (finds concepts too)", () => RuleMatcher.Match(rules, document)),
            new("own text", () => document.OwnText()),
            new("screen, rules", () => screener.Screen(LongReply.Subject, reply, context)),
            new("screen, rules + model", () => withModel.Screen(LongReply.Subject, reply, context)),
        };
        ProfileStage.RunAll(stages, seconds);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(reply);
        Console.WriteLine($"rules + model: {bytes / stages[^1].Fastest:F1} MB/s at the fastest round, {bytes / stages[^1].FastestCpu:F1} MB/s of CPU time");
        return 0;
    }
}
