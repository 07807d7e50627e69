using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Text;

namespace SmartPost.Benchmarks;

/// <summary>
/// Cost of the learned second opinion (docs/screening-model.md) next to the rule screening, on a reply with our quoted
/// letter. ScreenWithModel is what the screening budget (≥ 20 MB/s per core on 256 kB) applies to; ModelUnbounded shows
/// why the model reads a bounded window: character n-grams of a whole 256 kB text.
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*ScreeningModel*' --job short --inProcess
/// MB/s = UTF-8 bytes of the reply (printed by GlobalSetup) / mean.
/// </summary>
[MemoryDiagnoser]
public class ScreeningModelBenchmarks
{
    private ReplyScreener _screener = null!;
    private ReplyScreener _screenerWithModel = null!;
    private ReplyClassifier _classifier = null!;
    private PredictionEngine<ReplyModelInput, ReplyModelOutput> _unboundedEngine = null!;
    private string _reply = null!;
    private string _ownText = null!;
    private readonly ScreeningContext _context = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));

    [Params(2, 256)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = Path.Combine(AppContext.BaseDirectory, "Rules");
        _screener = new ReplyScreener(ScreeningRules.Load(Path.Combine(rules, "screening-concepts.json")),
            new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));
        _classifier = ReplyClassifier.Load(Path.Combine(rules, "screening-model.zip"));
        var screeningRules = ScreeningRules.Load(Path.Combine(rules, "screening-concepts.json"));
        _screenerWithModel = new ReplyScreener(screeningRules,
            new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()), _classifier, new ScreeningOptions());
        var ml = new MLContext(1);
        _unboundedEngine = ml.Model.CreatePredictionEngine<ReplyModelInput, ReplyModelOutput>(ml.Model.Load(Path.Combine(rules, "screening-model.zip"), out _));

        _ownText = LongReply.OwnText(SizeKb);
        _reply = _ownText + LongReply.QuotedLetter;
        Console.WriteLine($"// reply {Encoding.UTF8.GetByteCount(_reply)} bytes, own text {Encoding.UTF8.GetByteCount(_ownText)} bytes");
    }

    [Benchmark(Baseline = true)]
    public int RulesOnly() => _screener.Screen(LongReply.Subject, _reply, _context).Flags.Count;

    /// <summary>The screening as the app runs it: rules and model, the model's stems taken from the rules' analysis.</summary>
    [Benchmark]
    public int ScreenWithModel() => _screenerWithModel.Screen(LongReply.Subject, _reply, _context).Flags.Count;

    /// <summary>Rules, then the model reading its window with the analysis chain a second time (the path before the memo).</summary>
    [Benchmark]
    public int ScreenThenModelReadingAgain()
    {
        var flags = _screener.Screen(LongReply.Subject, _reply, _context).Flags.Count;
        var scores = _classifier.Score(ReplyClassifier.InputText(LongReply.Subject, _reply));
        return flags + scores.Count(s => s.Value >= _classifier.Thresholds[s.Key]);
    }

    [Benchmark]
    public int ModelWindowed() => _classifier.Score(ReplyClassifier.InputText(LongReply.Subject, _reply)).Count;

    /// <summary>The part of <see cref="ModelWindowed"/> before scoring: own text, window and the text core's stems.</summary>
    [Benchmark]
    public int ModelStemsOnly() => TextAnalyzer.Stems(ReplyClassifier.Window(ReplyClassifier.InputText(LongReply.Subject, _reply))).Count;

    [Benchmark]
    public int ModelUnbounded() =>
        _unboundedEngine.Predict(new ReplyModelInput { Text = ReplyClassifier.ModelText(_ownText, _classifier.Manifest.Input) }).Probabilities.Length;
}
