using System.Buffers;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace SmartPost.Api.Screening.Learned;

/// <summary>
/// A stems model (tools/TrainScreeningModel, <c>--features stems</c>, SDCA) applied by hand: its vocabulary, n-gram
/// table, per-label weights and Platt calibrators are read out of the ML.NET zip once, so scoring a reply is a few
/// dictionary look-ups and a dot product instead of an ML.NET pipeline run (docs/screening-model.md, "Direct scoring").
/// It forms the features the way ML.NET's pipeline does: words split at spaces, each mapped to its vocabulary key (an
/// unknown word is key 0, which is in no n-gram, so it adds nothing and no bigram spans it), unigram and bigram counts
/// (TF), L2-normalised; per label the calibrated probability 1 / (1 + exp(slope · (bias + w·x) + offset)).
/// </summary>
internal sealed class StemsLinearModel
{
    private const int UnknownKey = 0;

    // Stem → its key in the model's ValueToKeyMapping (1-based; 0 is an unknown word), and key - 1 → stem.
    private readonly Dictionary<string, int> _keys;
    private readonly string[] _terms;
    // Key → slot of its unigram, or -1 when the n-gram table has no such unigram.
    private readonly int[] _unigramSlots;
    // (first key, second key) → slot of the bigram.
    private readonly Dictionary<long, int> _bigramSlots;
    // Slot-major ([slot * labels + label]): a reply's few dozen slots each read one short run of weights.
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly double[] _slopes;
    private readonly double[] _offsets;

    private StemsLinearModel(Dictionary<string, int> keys, string[] terms, int[] unigramSlots, Dictionary<long, int> bigramSlots,
        float[] weights, float[] biases, double[] slopes, double[] offsets)
    {
        _keys = keys;
        _terms = terms;
        _unigramSlots = unigramSlots;
        _bigramSlots = bigramSlots;
        _weights = weights;
        _biases = biases;
        _slopes = slopes;
        _offsets = offsets;
    }

    /// <summary>How many probabilities a score gives: one per trained label, in the model's order.</summary>
    public int Labels => _biases.Length;

    /// <summary>Number of n-gram slots (the feature vector's length).</summary>
    public int Slots => _weights.Length / _biases.Length;

    /// <summary>
    /// Reads the model out of a loaded stems pipeline: word tokenizer on ' ' → value-to-key → n-grams → L2 norm → one
    /// calibrated linear binary classifier per label → probabilities concatenated. Throws
    /// <see cref="NotSupportedException"/> saying what differs for any other pipeline (characters, LightGbm …).
    /// </summary>
    public static StemsLinearModel Read(MLContext ml, ITransformer model)
    {
        if (model is not IEnumerable<ITransformer>) throw NotReadable("it is not a transformer chain");
        var stages = Stages(model).ToList();
        if (stages.Count < 6) throw NotReadable($"it has {stages.Count} stages");
        if (stages[0] is not WordTokenizingTransformer) throw NotReadable("its first stage is not a word tokenizer");
        if (stages[1] is not ValueToKeyMappingTransformer) throw NotReadable("its second stage is not a value-to-key mapping");
        if (stages[2] is not NgramExtractingTransformer) throw NotReadable("its third stage is not an n-gram extractor");
        if (stages[3] is not LpNormNormalizingTransformer) throw NotReadable("its fourth stage is not an Lp-norm normaliser");

        // Each stage appends its output column, so the newest column after a stage is what it made.
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<ReplyModelInput>()).Schema;
        var afterStage = new List<DataViewSchema>();
        foreach (var stage in stages)
        {
            schema = stage.GetOutputSchema(schema);
            afterStage.Add(schema);
        }

        var keyColumn = afterStage[1][afterStage[1].Count - 1];
        if (keyColumn.Type is not VectorDataViewType { ItemType: KeyDataViewType })
            throw NotReadable("the value-to-key stage does not make a vector of keys");
        var vocabulary = default(VBuffer<ReadOnlyMemory<char>>);
        keyColumn.GetKeyValues(ref vocabulary);
        var terms = vocabulary.DenseValues().Select(t => t.ToString()).ToArray();
        var keys = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            if (terms[i].Contains('|') || terms[i].Contains(' ')) throw NotReadable($"the vocabulary term '{terms[i]}' cannot be told apart in n-gram names");
            keys.Add(terms[i], i + 1);
        }

        var gramColumn = afterStage[2][afterStage[2].Count - 1];
        if (gramColumn.Type is not VectorDataViewType { ItemType: NumberDataViewType, Size: > 0 } gramType)
            throw NotReadable("the n-gram stage does not make a fixed-size vector");
        var slotCount = gramType.Size;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        gramColumn.GetSlotNames(ref names);
        if (names.Length != slotCount) throw NotReadable("the n-gram column has no slot names");
        var unigramSlots = new int[terms.Length + 1];
        Array.Fill(unigramSlots, -1);
        var bigramSlots = new Dictionary<long, int>(PairComparer.Instance);
        var slot = 0;
        foreach (var name in names.DenseValues())
        {
            var parts = name.ToString().Split('|');
            var partKeys = parts.Select(p => keys.TryGetValue(p, out var k) ? k : UnknownKey).ToArray();
            // An n-gram over an unknown word ("*") never matches a key sequence of known words; ML.NET's table has none
            // when its vocabulary was built from the same texts, and one would only ever be counted for key 0.
            if (partKeys.Contains(UnknownKey)) throw NotReadable($"the n-gram '{name}' has a word outside the vocabulary");
            switch (partKeys.Length)
            {
                case 1: unigramSlots[partKeys[0]] = slot; break;
                case 2: bigramSlots.Add(Pair(partKeys[0], partKeys[1]), slot); break;
                default: throw NotReadable($"the n-gram '{name}' is longer than two words");
            }
            slot++;
        }

        var classifiers = stages.Skip(4).OfType<ISingleFeaturePredictionTransformer<object>>().ToList();
        if (classifiers.Count == 0) throw NotReadable("it has no classifier");
        var labels = classifiers.Count;
        var weights = new float[slotCount * labels];
        var biases = new float[labels];
        var slopes = new double[labels];
        var offsets = new double[labels];
        for (var label = 0; label < labels; label++)
        {
            if (classifiers[label].Model is not CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> { SubModel: { } linear, Calibrator: { } platt })
                throw NotReadable($"classifier {label + 1} is not a Platt-calibrated linear binary model ({classifiers[label].Model.GetType().Name})");
            if (linear.Weights.Count != slotCount)
                throw NotReadable($"classifier {label + 1} has {linear.Weights.Count} weights for {slotCount} n-gram slots");
            for (var s = 0; s < slotCount; s++) weights[s * labels + label] = linear.Weights[s];
            biases[label] = linear.Bias;
            slopes[label] = platt.Slope;
            offsets[label] = platt.Offset;
        }
        return new StemsLinearModel(keys, terms, unigramSlots, bigramSlots, weights, biases, slopes, offsets);
    }

    /// <summary>
    /// The probability per label for the stems of a text (<see cref="Text.TextAnalyzer.Stems"/>): the same as ML.NET's
    /// pipeline on the stems joined with spaces, up to float rounding.
    /// </summary>
    public void Probabilities(IReadOnlyList<string> stems, Span<float> probabilities)
    {
        var labels = _biases.Length;
        if (probabilities.Length != labels) throw new ArgumentException($"Expected room for {labels} probabilities.", nameof(probabilities));

        // Each word adds at most a unigram and a bigram.
        var slots = ArrayPool<int>.Shared.Rent(2 * stems.Count + 2);
        try
        {
            var found = 0;
            var previous = UnknownKey;
            for (var i = 0; i < stems.Count; i++)
            {
                var stem = stems[i];
                if (stem.Contains(' '))
                {
                    foreach (var word in stem.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (found + 2 > slots.Length) Grow(ref slots);
                        found = Add(word, ref previous, slots, found);
                    }
                }
                else if (stem.Length > 0)
                {
                    found = Add(stem, ref previous, slots, found);
                }
            }
            Score(slots.AsSpan(0, found), probabilities);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
        }
    }

    private int Add(string word, ref int previous, int[] slots, int found)
    {
        var key = _keys.TryGetValue(word, out var k) ? k : UnknownKey;
        if (key != UnknownKey)
        {
            var unigram = _unigramSlots[key];
            if (unigram >= 0) slots[found++] = unigram;
            if (previous != UnknownKey && _bigramSlots.TryGetValue(Pair(previous, key), out var bigram)) slots[found++] = bigram;
        }
        previous = key;
        return found;
    }

    // Per thread, a count per slot, all zero between calls: term frequencies without sorting or hashing the slots.
    [ThreadStatic] private static int[]? t_counts;

    private void Score(Span<int> slots, Span<float> probabilities)
    {
        var labels = _biases.Length;
        var counts = t_counts;
        if (counts is null || counts.Length < Slots) t_counts = counts = new int[Slots];
        // The distinct slots move to the front (a slot is read before its place can be overwritten).
        var distinct = 0;
        foreach (var slot in slots)
        {
            if (counts[slot]++ == 0) slots[distinct++] = slot;
        }
        slots = slots[..distinct];
        // L2 norm over the term frequencies.
        var sumOfSquares = 0f;
        foreach (var slot in slots) sumOfSquares += counts[slot] * counts[slot];
        Span<float> dot = stackalloc float[labels];
        dot.Clear();
        if (sumOfSquares > 0)
        {
            var scale = 1f / MathF.Sqrt(sumOfSquares);
            foreach (var slot in slots)
            {
                var value = counts[slot] * scale;
                var row = _weights.AsSpan(slot * labels, labels);
                for (var label = 0; label < labels; label++) dot[label] += row[label] * value;
            }
        }
        foreach (var slot in slots) counts[slot] = 0;
        for (var label = 0; label < labels; label++)
        {
            var score = _biases[label] + dot[label];
            // ML.NET's PlattCalibrator: P(y = 1 | score) = 1 / (1 + exp(slope · score + offset)), in double.
            probabilities[label] = (float)(1 / (1 + Math.Exp(_slopes[label] * score + _offsets[label])));
        }
    }

    /// <summary>
    /// Scores probe texts both ways and throws <see cref="NotSupportedException"/> when any probability differs by more
    /// than <paramref name="tolerance"/>: every vocabulary word in order and reversed (each unigram, many bigrams), an
    /// unknown word between two known ones, and a spread of single n-grams on their own (where one wrong slot or weight
    /// is not diluted by the rest). Catches a pipeline that reads like a stems model but computes something else
    /// (another weighting, skip-grams, a changed normaliser).
    /// </summary>
    public void Verify(Func<string, float[]> pipeline, float tolerance)
    {
        var probes = new List<string[]> { _terms, _terms.Reverse().ToArray() };
        if (_terms.Length >= 2)
        {
            var unknown = "x";
            while (_keys.ContainsKey(unknown)) unknown += "x";
            probes.Add([_terms[0], unknown, _terms[1]]);
        }
        var bigrams = _bigramSlots.Keys.Order().ToArray();
        var step = Math.Max(1, bigrams.Length / 64);
        for (var i = 0; i < bigrams.Length; i += step)
        {
            probes.Add([_terms[(int)(bigrams[i] >> 32) - 1], _terms[(int)(bigrams[i] & uint.MaxValue) - 1]]);
        }
        step = Math.Max(1, _terms.Length / 32);
        for (var key = 1; key <= _terms.Length; key += step) probes.Add([_terms[key - 1]]);
        probes.Add([]);

        Span<float> direct = stackalloc float[Labels];
        foreach (var probe in probes)
        {
            var expected = pipeline(string.Join(' ', probe));
            if (expected.Length != Labels) throw NotReadable($"the pipeline gives {expected.Length} probabilities for {Labels} classifiers");
            Probabilities(probe, direct);
            for (var label = 0; label < Labels; label++)
            {
                var difference = Math.Abs(expected[label] - direct[label]);
                if (!(difference <= tolerance))
                    throw NotReadable($"on the probe '{Shorten(string.Join(' ', probe))}' label {label + 1} is {direct[label]} by hand but {expected[label]} in ML.NET");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static void Grow(ref int[] slots)
    {
        var larger = ArrayPool<int>.Shared.Rent(slots.Length * 2);
        slots.CopyTo(larger, 0);
        ArrayPool<int>.Shared.Return(slots);
        slots = larger;
    }

    // Appending to an estimator nests chains; the stages in the order they run.
    private static IEnumerable<ITransformer> Stages(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Stages) : [transformer];

    private static long Pair(int first, int second) => ((long)first << 32) | (uint)second;

    // long's own hash is the two halves XOR-ed: pairs of small keys would pile into few buckets.
    private sealed class PairComparer : IEqualityComparer<long>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long pair) => (int)(((ulong)pair * 0x9E3779B97F4A7C15UL) >> 32);
    }

    private static NotSupportedException NotReadable(string why) =>
        new($"The screening model cannot be scored directly: {why}. Direct scoring reads stems models trained with SDCA (tools/TrainScreeningModel --features stems --trainer sdca).");
}
