using System.Text;
using BenchmarkDotNet.Attributes;
using SmartPost.Api.Calendar;
using SmartPost.Api.Guidance;
using SmartPost.Api.Screening;

namespace SmartPost.Benchmarks;

/// <summary>
/// How suggest and screening time grows with the input: 1 kB, 10 kB, 100 kB, 1 MB of Danish letter text (UTF-8).
/// Linear means the time per kB stays the same; a cliff would show as a jump in it.
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*CostGrowth*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class CostGrowthBenchmarks
{
    private const string Paragraph = "Vi har gennemgået dine oplysninger og de dokumenter, du har sendt via Borgerservice. "
        + "Efter kørekortbekendtgørelsen kan et udenlandsk kørekort ombyttes, når det er gyldigt, og når du har haft "
        + "bopæl i udstedelseslandet, da det blev udstedt. Jeg er uenig i afgørelsen og beder om aktindsigt i sagen. "
        + "Kan jeg få en uge mere til at sende den nye lægeerklæring?\n\n";

    private GuidanceEngine _engine = null!;
    private ReplyScreener _screener = null!;
    private LetterFacts _letter = null!;
    private string _text = "";
    private readonly ScreeningContext _context = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));

    [Params(1, 10, 100, 1000)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = Path.Combine(AppContext.BaseDirectory, "Rules");
        _engine = GuidanceEngine.FromFile(Path.Combine(rules, "guideline-rules.json"), new MaterialNames());
        _screener = new ReplyScreener(ScreeningRules.Load(Path.Combine(rules, "screening-concepts.json")),
            new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));
        var body = new StringBuilder("Kære Emre Yilmaz\n\n");
        while (Encoding.UTF8.GetByteCount(body.ToString()) < SizeKb * 1024 - 300) body.Append(Paragraph);
        body.Append("Klagevejledning\nDu kan klage over afgørelsen til Trafikstyrelsen senest 4 uger efter, at du har modtaget afgørelsen.\n\nMed venlig hilsen\nFærdselsstyrelsen");
        _text = body.ToString();
        _letter = new LetterFacts("Afgørelse om ombytning af udenlandsk kørekort", "Afgørelse", _text, CaseClosed: false);
    }

    [Benchmark]
    public Suggestion Suggest() => _engine.Suggest(_letter, new RecipientStanding(false, false, "benchmark"), ReplyOption.WithoutReply);

    [Benchmark]
    public int Screen() => _screener.Screen("Sv: Afgørelse", _text, _context).Flags.Count;
}
