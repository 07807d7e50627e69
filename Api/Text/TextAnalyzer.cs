using Lucene.Net.Analysis.TokenAttributes;

namespace SmartPost.Api.Text;

/// <summary>
/// Reads a text as an <see cref="AnalyzedDocument"/>: each word analysed by <see cref="DanishAnalyzer"/> and its stem
/// looked up in the <see cref="Vocabulary"/> (with spelling tolerance), sentences, clauses and the quoted mask.
/// The Lucene chain defines a word's analysis; it runs once per distinct written word (<see cref="WordMemo"/>), and
/// <see cref="WordScanner"/> finds the words where the chain would. One instance for the app; thread-safe.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly DanishAnalyzer _analyzer;
    private readonly DanishAnalyzer _analyzerJoiningHyphens;
    private readonly bool[] _startsClause;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _clauseWords;
    private readonly bool _signatures;

    /// <param name="vocabulary">The stems the rules know.</param>
    /// <param name="clauseWords">Words that open a new clause ("men", "but", "fordi"), as written: a word opens a clause
    /// only in that form, not every word with its stem ("mener" stems to "men" and is no "but").</param>
    /// <param name="signatures">Whether a signature under a closing line is masked like quoted text (citizens' replies).</param>
    public TextAnalyzer(Vocabulary vocabulary, IEnumerable<string> clauseWords, bool signatures = false)
    {
        Vocabulary = vocabulary;
        _signatures = signatures;
        // Built while the rules compile at start-up: the first misspelt word of the first reply must not wait ≈ 1 s for it.
        DanishDictionary.EnsureLoaded();
        var parts = Enumerable.Range(0, vocabulary.Count).Select(i => vocabulary[i]).Where(s => s.Length >= 4).ToList();
        var forms = vocabulary.Forms.ToList();
        _analyzer = new DanishAnalyzer(parts, joinLineBreakHyphens: false, forms);
        _analyzerJoiningHyphens = new DanishAnalyzer(parts, ruleForms: forms);
        _startsClause = new bool[vocabulary.Count];
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in clauseWords)
        {
            written.Add(word);
            foreach (var stem in Stems(word))
            {
                var id = vocabulary.Exact(stem);
                if (id != Vocabulary.Unknown) _startsClause[id] = true;
            }
        }
        _clauseWords = written.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Vocabulary Vocabulary { get; }

    /// <summary>Whether a signature under a closing line is masked like quoted text (a document's own text leaves it out).</summary>
    public bool MasksSignatures => _signatures;

    /// <summary>The folded stems of the words of <paramref name="phrase"/>, without compound splitting: how a lemma is read.</summary>
    public static List<string> Stems(string phrase)
    {
        using var stream = Plain.GetTokenStream("lemma", phrase);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var stems = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) stems.Add(term.ToString());
        stream.End();
        return stems;
    }

    private static readonly DanishAnalyzer Plain = new();

    /// <summary>
    /// The same stems as <see cref="Stems"/> gives for <paramref name="text"/>, read the way <see cref="Analyze"/> reads
    /// words: the scanner finds them and each stem comes from the memo. The screener's model reads a window of the reply
    /// the rules have just analysed, so its words are known and the Lucene chain does not run a second time (a word's
    /// compound parts follow it at the same position, so its own stem is the one the plain chain gives). A text the
    /// scanner cannot read as Lucene would is read by <see cref="Stems"/>.
    /// </summary>
    public List<string> StemsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new List<string>(text.Length / 5 + 1);
        StemsOf(text, stems);
        return stems;
    }

    /// <summary>The same as <see cref="StemsOf(string)"/>, into <paramref name="stems"/> (a caller's reused list, cleared first).</summary>
    internal void StemsOf(string text, List<string> stems)
    {
        ArgumentNullException.ThrowIfNull(text);
        stems.Clear();
        if (!WordScanner.HasLineBreakHyphen(text))
        {
            if (ReadStems(new WordScanner(text), text, stems)) return;
        }
        else
        {
            var scanner = WordScanner.Joined(text, out var joined, out var points, out var shifts);
            try
            {
                if (ReadStems(scanner, text, stems)) return;
            }
            finally
            {
                WordScanner.ReturnJoined(joined, points, shifts);
            }
        }
        stems.Clear();
        stems.AddRange(Stems(text));
    }

    private bool ReadStems(WordScanner scanner, string text, List<string> stems)
    {
        while (scanner.Next(out var start, out var end, out var hash, out _))
        {
            var surface = text.AsSpan(start, end - start);
            var word = _memo.Get(surface, hash) ?? Learn(surface.ToString(), hash);
            if (word is null) return false;
            stems.Add(word.Stem);
        }
        return !scanner.GaveUp;
    }

    public AnalyzedDocument Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnalyzeFast(text) ?? AnalyzeWithLucene(text);
    }

    /// <summary>
    /// The hot path: <see cref="WordScanner"/> finds the words where the Lucene chain would, and each word's analysis
    /// comes from <see cref="_memo"/> — computed by the Lucene chain the first time the word is seen. Null when the
    /// scanner cannot promise Lucene's reading of this text (<see cref="AnalyzeWithLucene"/> then reads it).
    /// </summary>
    internal AnalyzedDocument? AnalyzeFast(string text)
    {
        var reader = new DocumentReader(text, _signatures);
        if (!WordScanner.HasLineBreakHyphen(text)) return Read(new WordScanner(text), text, reader);
        var scanner = WordScanner.Joined(text, out var joined, out var points, out var shifts);
        try
        {
            return Read(scanner, text, reader);
        }
        finally
        {
            WordScanner.ReturnJoined(joined, points, shifts);
        }
    }

    private AnalyzedDocument? Read(WordScanner scanner, string text, DocumentReader reader)
    {
        while (scanner.Next(out var start, out var end, out var hash, out var gap))
        {
            var surface = text.AsSpan(start, end - start);
            var word = _memo.Get(surface, hash) ?? Learn(surface.ToString(), hash);
            if (word is null) return null;
            reader.Add(start, end, word.Term, word.Fuzzy, word.StartsClause, word.Stem, word.Shape, word.Parts, gap);
        }
        return scanner.GaveUp ? null : reader.Build();
    }

    /// <summary>Analyses one word with the Lucene chain and remembers it; null if the chain does not read it as one word.</summary>
    private AnalyzedWord? Learn(string surface, uint hash)
    {
        var analyzer = surface.Contains('\n') ? _analyzerJoiningHyphens : _analyzer;
        string? stem = null;
        var parts = new List<int>();
        using (var stream = analyzer.GetTokenStream("text", surface))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (stem is null)
                {
                    if (offset.StartOffset != 0 || offset.EndOffset != surface.Length) return null;
                    stem = term.ToString();
                    continue;
                }
                if (increment.PositionIncrement != 0) return null;
                var part = Vocabulary.Exact(term.Buffer.AsSpan(0, term.Length));
                if (part != Vocabulary.Unknown) parts.Add(part);
            }
            stream.End();
        }
        if (stem is null) return null;
        var id = Lookup(stem, surface, out var fuzzy);
        var word = new AnalyzedWord(surface, hash, stem, id, fuzzy, StartsClause(id, fuzzy, surface), [.. parts], VerbFirstCondition.ShapeOf(surface));
        _memo.Add(word);
        return word;
    }

    private readonly WordMemo _memo = new();

    private bool StartsClause(int id, bool fuzzy, ReadOnlySpan<char> surface) =>
        id != Vocabulary.Unknown && !fuzzy && _startsClause[id] && _clauseWords.Contains(surface);

    /// <summary>The vocabulary id of a word: its stem exactly or within the spelling tolerance, else its whole folded form.</summary>
    private int Lookup(ReadOnlySpan<char> stem, ReadOnlySpan<char> original, out bool fuzzy)
    {
        var id = Vocabulary.Find(stem, out fuzzy);
        if (id == Vocabulary.Unknown && stem.Length >= 4) id = FindUnstemmed(original, out fuzzy);
        else if (!fuzzy && Vocabulary.HasSurfaces(id)) id = SurfaceOr(id, original);
        if (id == Vocabulary.Unknown)
        {
            // The wider tolerance is for words no dictionary knows; a real word there is only itself.
            (id, fuzzy) = FindLoosely(stem, original);
            if (fuzzy && DanishDictionary.Lemmas(original) is not null) (id, fuzzy) = (Vocabulary.Unknown, false);
            return id;
        }
        // A real word within reach of a lemma is only itself, unless one of its dictionary forms is that lemma.
        if (fuzzy && DanishDictionary.Lemmas(original) is { } lemmas && !IsForm(lemmas, id)) (id, fuzzy) = (Vocabulary.Unknown, false);
        return id;
    }

    /// <summary>
    /// The definition of the analysis: the Lucene chain run over the whole text, token by token. The hot path
    /// (<see cref="AnalyzeFast"/>) must read every text exactly as this does; the text-core tests hold it to that.
    /// </summary>
    internal AnalyzedDocument AnalyzeWithLucene(string text)
    {
        var reader = new DocumentReader(text, _signatures);
        var analyzer = WordScanner.HasLineBreakHyphen(text) ? _analyzerJoiningHyphens : _analyzer;
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var previousEnd = 0;
        stream.Reset();
        while (stream.IncrementToken())
        {
            var stem = term.Buffer.AsSpan(0, term.Length);
            if (increment.PositionIncrement == 0 && reader.HasWords)
            {
                var part = Vocabulary.Exact(stem);
                if (part != Vocabulary.Unknown) reader.AddPart(part);
                continue;
            }
            var start = offset.StartOffset;
            var written = text.AsSpan(start, offset.EndOffset - start);
            var id = Lookup(stem, written, out var fuzzy);
            var gap = Gap.Of(text.AsSpan(previousEnd, start - previousEnd));
            reader.Add(start, offset.EndOffset, id, fuzzy, StartsClause(id, fuzzy, written), stem.ToString(), VerbFirstCondition.ShapeOf(written), [], gap);
            previousEnd = offset.EndOffset;
        }
        stream.End();
        return reader.Build();
    }

    /// <summary>"tidligere" stems to "tid"; when an "=tidligere" lemma exists, the word is that lemma and not "tid".</summary>
    private int SurfaceOr(int stemId, ReadOnlySpan<char> original)
    {
        if (original.Length > 40) return stemId;
        Span<char> folded = stackalloc char[original.Length * 2];
        var surface = Vocabulary.Surface(folded[..Fold(original, folded)]);
        return surface == Vocabulary.Unknown ? stemId : surface;
    }

    /// <summary>
    /// A real Danish word within reach of a lemma is that word, not a misspelling of the lemma ("læse" is not "læge",
    /// "bestemmer" not "bedømmer"), unless one of its dictionary forms is the lemma: then it is an inflection the Danish
    /// stemmer leaves apart ("acceptabelt" is "acceptabel"). It stays marked fuzzy, as before the dictionary: the rules
    /// were written for the stemmer's reading, in which "oplyst" is not the imperative "oplys".
    /// </summary>
    private bool IsForm(List<string> lemmas, int id)
    {
        foreach (var lemma in lemmas)
        {
            foreach (var stem in Stems(lemma))
            {
                if (Vocabulary.Exact(stem) == id) return true;
            }
        }
        return false;
    }

    /// <summary>The wider tolerance for a word no dictionary knows, by stem and then by its whole folded form.</summary>
    private (int Id, bool Fuzzy) FindLoosely(ReadOnlySpan<char> stem, ReadOnlySpan<char> original)
    {
        var id = Vocabulary.FindLoosely(stem);
        if (id == Vocabulary.Unknown && original.Length <= 40)
        {
            Span<char> folded = stackalloc char[original.Length * 2];
            id = Vocabulary.FindLoosely(folded[..Fold(original, folded)]);
        }
        return (id, id != Vocabulary.Unknown);
    }

    /// <summary>A misspelt word may stem differently from its lemma: compare its whole folded form too.</summary>
    private int FindUnstemmed(ReadOnlySpan<char> original, out bool fuzzy)
    {
        fuzzy = false;
        if (original.Length > 40) return Vocabulary.Unknown;
        Span<char> folded = stackalloc char[original.Length * 2];
        return Vocabulary.Find(folded[..Fold(original, folded)], out fuzzy);
    }

    private static int Fold(ReadOnlySpan<char> original, Span<char> folded)
    {
        var n = 0;
        foreach (var c in original)
        {
            if (c is '-' or '\u00AD' || char.IsWhiteSpace(c)) continue;
            if (c < 128) folded[n++] = char.ToLowerInvariant(c);
            else
            {
                var buffer = FoldBuffer ??= new char[8];
                var m = DanishText.AppendFolded(ref buffer, 0, c);
                FoldBuffer = buffer;
                buffer.AsSpan(0, m).CopyTo(folded[n..]);
                n += m;
            }
        }
        return n;
    }

    [ThreadStatic] private static char[]? FoldBuffer;
}
