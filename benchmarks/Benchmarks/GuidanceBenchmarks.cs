using System.Text;
using BenchmarkDotNet.Attributes;
using SmartPost.Api.Guidance;

namespace SmartPost.Benchmarks;

/// <summary>
/// Suggesting for a two-page letter (4,743 characters) in-process, rules compiled once (as the singleton is): by the rules
/// alone, and with the learned letter model as the API runs it.
/// Target (issues 10, 15): ≤ 25 µs median. Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*Guidance*' --job short --inProcess
/// (--inProcess: the project's assembly name differs from its file name, which BenchmarkDotNet's out-of-process build cannot find)
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GuidanceBenchmarks
{
    private GuidanceEngine _engine = null!;
    private GuidanceEngine _withModel = null!;
    private LetterFacts _letter = null!;

    internal GuidanceEngine Engine => _engine;
    internal LetterFacts Letter => _letter;

    [GlobalSetup]
    public void Setup()
    {
        _engine = GuidanceEngine.FromFile(Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json"), new MaterialNames());
        // As the API runs it: the learned letter model as second opinion (Rules/letter-model.zip, its sealed manifest).
        _withModel = _engine.WithSecondOpinion(SmartPost.Api.Guidance.Learned.LetterModelSetup.SecondOpinion(Path.Combine(AppContext.BaseDirectory, "Rules", "letter-model.zip")));
        _letter = new LetterFacts("Afgørelse om ombytning af udenlandsk kørekort", "Afgørelse", TwoPageLetter(), CaseClosed: false);
    }

    [Benchmark]
    public Suggestion SuggestForTwoPageLetter() =>
        _engine.Suggest(_letter, new RecipientStanding(false, false, "benchmark"), ReplyOption.WithoutReply);

    [Benchmark]
    public Suggestion SuggestForTwoPageLetterWithLetterModel() =>
        _withModel.Suggest(_letter, new RecipientStanding(false, false, "benchmark"), ReplyOption.WithoutReply);

    private static string TwoPageLetter()
    {
        var body = new StringBuilder("Kære Emre Yilmaz\n\nDu har søgt om ombytning af dit tyrkiske kørekort til kategori B og C.\n\n");
        const string paragraph = "Vi har gennemgået dine oplysninger og de dokumenter, du har sendt via Borgerservice. "
            + "Efter kørekortbekendtgørelsen kan et udenlandsk kørekort ombyttes, når det er gyldigt, og når du har haft "
            + "bopæl i udstedelseslandet, da det blev udstedt. Vi har lagt vægt på oplysningerne fra de tyrkiske myndigheder.\n\n";
        while (body.Length < 4_200) body.Append(paragraph);
        body.Append("Afgørelse\nDit kørekort kan ombyttes til kategori B, når du har bestået en praktisk prøve.\n\n");
        body.Append("For at vi kan sende sagen videre, skal vi bede dig sende en kopi af din opholdstilladelse senest den 31. marts 2026.\n\n");
        body.Append("Klagevejledning\nDu kan klage over afgørelsen til Trafikstyrelsen. Klagen sendes til Færdselsstyrelsen senest "
            + "4 uger efter, at du har modtaget afgørelsen.\n\nMed venlig hilsen\nFærdselsstyrelsen\nTeam Udland");
        return body.ToString();
    }
}
