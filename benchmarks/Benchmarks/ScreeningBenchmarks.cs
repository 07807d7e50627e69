using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;

namespace SmartPost.Benchmarks;

/// <summary>
/// Throughput of <see cref="ReplyScreener.Screen"/> on Danish text (issue 3 target: ≥ 20 MB/s per core).
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*Screening*' --job short --inProcess
/// (--inProcess: BenchmarkDotNet's default toolchain looks for a project file named after the assembly,
/// SmartPost.Benchmarks, and fails to find benchmarks/Benchmarks/Benchmarks.csproj).
/// The MB/s column is the UTF-8 size of the input divided by the measured mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ScreeningBenchmarks
{
    private const string Paragraphs = """
        Kære Færdselsstyrelsen

        Jeg er uenig i afgørelsen og vil have den prøvet. Min kardiolog har skrevet, at jeg er færdigbehandlet, så jeg forstår ikke, at mit kørekort skal tidsbegrænses. Jeg beder samtidig om aktindsigt i sagens dokumenter, herunder lægens udtalelse.

        Jeg har ingen klager over den måde, jeg er blevet behandlet på i telefonen, men sagsbehandlingstiden har været lang. Hvis I ikke kan nå at se på sagen inden sommerferien, vil jeg gerne have besked. Kan jeg få en uge mere til at sende den nye lægeerklæring? Min læge er på ferie til den 15.

        Tak fordi prøven blev udsat sidste gang. Jeg bekræfter hermed den nye dato den 12. september kl. 9.30. Skal jeg selv betale for lægeerklæringen, eller sender lægen regningen til jer? Jeg har læst klagevejledningen og har bestilt tid til prøven gennem min køreskole.

        Med venlig hilsen
        Hans Jørgen Lassen

        --- Oprindelig meddelelse ---
        Fra: Færdselsstyrelsen
        Sendt: 27. maj 2025 10:40
        Emne: Afgørelse om tidsbegrænset kørekort

        På baggrund af den lægeerklæring, vi har modtaget, har Færdselsstyrelsen besluttet, at dit kørekort skal tidsbegrænses til 2 år. Du skal sende en ny lægeerklæring, inden dit kørekort udløber.

        Klagevejledning
        Du kan klage over afgørelsen inden 4 uger fra modtagelsen. Skriv til os via Digital Post og oplys sagsnummeret.

        Aktindsigt
        Du har ret til aktindsigt i sagens dokumenter.

        """;

    private ReplyScreener _screener = null!;
    private string _reply = null!;
    private string _ownTextOnly = null!;
    private readonly ScreeningContext _context = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));

    /// <summary>Size of the input in kB of UTF-8: a typical reply (~2 kB) and a long letter with attachments' text.</summary>
    [Params(2, 256)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = ScreeningRules.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "screening-concepts.json"));
        _screener = new ReplyScreener(rules, new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));
        var ownPart = Paragraphs[..Paragraphs.IndexOf("--- Oprindelig", StringComparison.Ordinal)];
        _reply = Repeat(ownPart, SizeKb * 1024 - Encoding.UTF8.GetByteCount(Paragraphs)) + Paragraphs[ownPart.Length..];
        _ownTextOnly = Repeat(ownPart, SizeKb * 1024);
        InputBytes[(nameof(ScreenReplyWithQuotedLetter), SizeKb)] = Encoding.UTF8.GetByteCount(_reply);
        InputBytes[(nameof(ScreenOwnTextOnly), SizeKb)] = Encoding.UTF8.GetByteCount(_ownTextOnly);
    }

    [Benchmark]
    public int ScreenReplyWithQuotedLetter() => _screener.Screen("Sv: Afgørelse om tidsbegrænset kørekort", _reply, _context).Flags.Count;

    [Benchmark]
    public int ScreenOwnTextOnly() => _screener.Screen("Klage og aktindsigt", _ownTextOnly, _context).Flags.Count;

    private static string Repeat(string part, int targetBytes)
    {
        var sb = new StringBuilder();
        do sb.Append(part); while (Encoding.UTF8.GetByteCount(sb.ToString()) < targetBytes);
        return sb.ToString();
    }

    /// <summary>Input size per (benchmark, size); filled in the benchmark process and recomputed for the column.</summary>
    internal static readonly Dictionary<(string, int), long> InputBytes = new();

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>MB/s = input bytes / mean time. The size is recomputed here because the column runs in the host process.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes (10^6 bytes) of input screened per second, from the mean";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (mean is null) return "-";
            var sizeKb = (int)benchmarkCase.Parameters["SizeKb"];
            var probe = new ScreeningBenchmarks { SizeKb = sizeKb };
            probe.Setup();
            var bytes = InputBytes[(benchmarkCase.Descriptor.WorkloadMethod.Name, sizeKb)];
            return (bytes / (mean.Value / 1e9) / 1e6).ToString("F1");
        }
    }
}
