using SmartPost.Api.Text;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// The learned second opinion: a probability per kind for a reply's own text, from a model trained by
/// tools/TrainScreeningModel (docs/screening-model.md). Loaded once, after its manifest is verified; thread-safe.
/// A stems model trained with SDCA is scored by hand (<see cref="StemsLinearModel"/>, checked against ML.NET's pipeline
/// when loaded); any other model the trainer can write (characters, LightGbm) is scored through ML.NET prediction
/// engines, borrowed from a pool since they are not thread-safe, and <see cref="WhyNotDirect"/> says why.
/// </summary>
public sealed class ReplyClassifier : IReplyScorer
{
    /// <summary>
    /// The model reads at most this many characters of own text, so its cost per reply is bounded whatever the length:
    /// the earlier character n-gram model would have taken a 256 kB reply from about 20 MB/s to about 1 MB/s unbounded,
    /// and the stems model still reads the stems of its window (docs/screening-model.md). Every labelled reply is shorter (longest 1,133 characters, 99th percentile 751),
    /// and a request sits in the first lines of a reply; a request further down a long letter is left to the rules.
    /// </summary>
    public const int WindowChars = 2048;

    /// <summary>
    /// The largest difference from ML.NET's pipeline the load check accepts for a probability: float rounding differs
    /// in the seventh digit; a wrong n-gram, weight or calibrator differs in the second.
    /// </summary>
    internal const float DirectTolerance = 1e-5f;

    private readonly StemsLinearModel? _direct;
    private readonly ObjectPool<PredictionEngine<ReplyModelInput, ReplyModelOutput>>? _engines;
    private readonly (int Slot, FlagKind Kind)[] _reported;

    private ReplyClassifier(ScreeningModelManifest manifest, MLContext ml, ITransformer model)
    {
        Manifest = manifest;
        var trained = manifest.Kinds.Where(k => k.Trained).ToList();
        _reported = trained.Select((k, slot) => (slot, ModelLabels.KindOf(k.Label)))
            .Where(s => s.Item2 is not null).Select(s => (s.slot, s.Item2!.Value)).ToArray();
        Thresholds = trained.Where(k => ModelLabels.KindOf(k.Label) is not null)
            .ToDictionary(k => ModelLabels.KindOf(k.Label)!.Value, k => (float)k.Threshold);
        var engines = new DefaultObjectPool<PredictionEngine<ReplyModelInput, ReplyModelOutput>>(
            new EnginePolicy(ml, model), Environment.ProcessorCount * 2);
        _direct = DirectScorer(manifest, trained.Count, ml, model, engines, out var whyNot);
        WhyNotDirect = whyNot;
        // A direct scorer needs nothing of ML.NET after loading; the pipeline and its engines are left to the collector.
        _engines = _direct is null ? engines : null;
    }

    public ScreeningModelManifest Manifest { get; }

    /// <summary>Whether replies are scored by hand (<see cref="StemsLinearModel"/>) rather than through ML.NET's pipeline.</summary>
    public bool ScoresDirectly => _direct is not null;

    /// <summary>Why this model is scored through ML.NET's pipeline; null when it is scored directly.</summary>
    public string? WhyNotDirect { get; }

    /// <summary>Per kind, the score at or above which the model says "this reply carries it" (chosen by cross-validation).</summary>
    public IReadOnlyDictionary<FlagKind, float> Thresholds { get; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, DateTime Written, long Length), Lazy<ReplyClassifier>> Loaded = new();

    /// <summary>
    /// The model at <paramref name="modelPath"/>, loaded once per process: it is immutable and thread-safe, and its
    /// n-gram tables take hundreds of megabytes, so hosts that share a process (the test suite starts dozens, benchmarks
    /// several) share one copy. A changed file (other time or length) is loaded anew.
    /// </summary>
    public static ReplyClassifier Shared(string modelPath)
    {
        var file = new FileInfo(Path.GetFullPath(modelPath));
        var key = (file.FullName, file.Exists ? file.LastWriteTimeUtc : default, file.Exists ? file.Length : -1);
        return Loaded.GetOrAdd(key, k => new Lazy<ReplyClassifier>(() => Load(k.Path))).Value;
    }

    /// <summary>Verifies the manifest beside the zip, then loads the model. Throws <see cref="InvalidOperationException"/> on a mismatch.</summary>
    public static ReplyClassifier Load(string modelPath)
    {
        var manifest = ScreeningModelManifest.ReadVerified(modelPath);
        var ml = new MLContext(seed: manifest.Seed);
        var model = ml.Model.Load(modelPath, out _);
        return new ReplyClassifier(manifest, ml, model);
    }

    /// <summary>The probability of each kind the product knows, for text built by <see cref="InputText"/>.</summary>
    public IReadOnlyDictionary<FlagKind, float> Score(string inputText) => Score(inputText, null);

    /// <summary>
    /// The same as <see cref="Score(string)"/>; a stems model scored directly takes the window's stems from
    /// <paramref name="words"/>' memo (<see cref="TextAnalyzer.StemsOf"/>) — the screener's analyzer, which has just
    /// read the reply — rather than running the analysis chain over the window again.
    /// </summary>
    public IReadOnlyDictionary<FlagKind, float> Score(string inputText, TextAnalyzer? words)
    {
        ArgumentNullException.ThrowIfNull(inputText);
        if (_direct is not null) return ScoreDirectly(_direct, inputText, words);
        var engine = _engines!.Get();
        try
        {
            var output = engine.Predict(new ReplyModelInput { Text = ModelText(Window(inputText), Manifest.Input) });
            var scores = new Dictionary<FlagKind, float>(_reported.Length);
            foreach (var (slot, kind) in _reported) scores[kind] = output.Probabilities[slot];
            return scores;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private Dictionary<FlagKind, float> ScoreDirectly(StemsLinearModel direct, string inputText, TextAnalyzer? words)
    {
        Span<float> probabilities = stackalloc float[direct.Labels];
        var window = Window(inputText);
        direct.Probabilities(words is null ? TextAnalyzer.Stems(window) : words.StemsOf(window), probabilities);
        var scores = new Dictionary<FlagKind, float>(_reported.Length);
        foreach (var (slot, kind) in _reported) scores[kind] = probabilities[slot];
        return scores;
    }

    /// <summary>The probabilities ML.NET's pipeline gives, whatever the scoring path: the reference the direct scorer is checked against.</summary>
    internal static float[] PipelineProbabilities(ObjectPool<PredictionEngine<ReplyModelInput, ReplyModelOutput>> engines, string modelText)
    {
        var engine = engines.Get();
        try
        {
            return engine.Predict(new ReplyModelInput { Text = modelText }).Probabilities.ToArray();
        }
        finally
        {
            engines.Return(engine);
        }
    }

    // Direct scoring only where it is proven on this model: a stems model whose pipeline it can read, agreeing with
    // ML.NET on the load check's probes. Anything else keeps ML.NET's pipeline, so every model the trainer writes loads.
    private static StemsLinearModel? DirectScorer(ScreeningModelManifest manifest, int trainedKinds, MLContext ml, ITransformer model,
        ObjectPool<PredictionEngine<ReplyModelInput, ReplyModelOutput>> engines, out string? whyNot)
    {
        if (manifest.Input != StemsInput)
        {
            whyNot = "the model reads characters, not stems; direct scoring reads stems models only.";
            return null;
        }
        try
        {
            var direct = StemsLinearModel.Read(ml, model);
            if (direct.Labels != trainedKinds)
                throw new NotSupportedException($"The screening model has {direct.Labels} classifiers for {trainedKinds} trained kinds in its manifest.");
            direct.Verify(text => PipelineProbabilities(engines, text), DirectTolerance);
            whyNot = null;
            return direct;
        }
        catch (NotSupportedException e)
        {
            whyNot = e.Message;
            return null;
        }
    }

    /// <summary>
    /// The text the model is trained on and scores: the reply's own words (our quoted letter removed) after a subject the
    /// citizen wrote; a subject with a reply prefix repeats our title and is left out. Bounded to <see cref="WindowChars"/>.
    /// </summary>
    public static string InputText(string? subject, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Masking is line by line and forward only, so masking a head of the text gives a head of its own text.
        var head = text.Length > 2 * WindowChars ? text[..(2 * WindowChars)] : text;
        var own = Window(QuotedText.OwnText(head, QuotedText.Ranges(head, signatures: true)));
        var ownSubject = subject?.Trim() ?? "";
        return ownSubject.Length == 0 || IsReplyPrefixed(ownSubject) ? own : ownSubject + "\n" + own;
    }

    /// <summary>The <see cref="ScreeningModelManifest.Input"/> of a model that reads the text core's stems.</summary>
    public const string StemsInput = "stems";

    /// <summary>
    /// The model's text column for an input text: the text itself, or for a stems model the text core's folded Danish
    /// stems (the Snowball chain the rules read words with, no rule vocabulary), one space between, so inflection and
    /// æ/ae spelling are one feature and the featurisation is a few word n-grams instead of every character n-gram.
    /// </summary>
    public static string ModelText(string inputText, string? input) => input switch
    {
        null => inputText,
        StemsInput => string.Join(' ', TextAnalyzer.Stems(inputText)),
        _ => throw new InvalidOperationException($"Unknown model input '{input}' in the screening model manifest (known: {StemsInput})."),
    };

    internal static string Window(string text)
    {
        if (text.Length <= WindowChars) return text;
        var cut = WindowChars;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        var space = text.LastIndexOf(' ', cut - 1, Math.Min(64, cut));
        return text[..(space > 0 ? space : cut)];
    }

    private static bool IsReplyPrefixed(string subject)
    {
        foreach (var prefix in ReplyPrefixes)
        {
            if (subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    // The model's input is fixed by its training: the reply prefixes and the text core's quote rules (QuotedText, code,
    // not a rules file) are part of the model's definition; a change to either needs a retrained model.
    private static readonly string[] ReplyPrefixes = ["sv:", "re:", "vs:", "fw:", "fwd:", "aw:", "svar:"];

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : IPooledObjectPolicy<PredictionEngine<ReplyModelInput, ReplyModelOutput>>
    {
        public PredictionEngine<ReplyModelInput, ReplyModelOutput> Create() =>
            ml.Model.CreatePredictionEngine<ReplyModelInput, ReplyModelOutput>(model);

        public bool Return(PredictionEngine<ReplyModelInput, ReplyModelOutput> obj) => true;
    }
}
