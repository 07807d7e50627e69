using Lucene.Net.Analysis.TokenAttributes;

namespace SmartPost.Api.Text;

/// <summary>
/// Runs <see cref="DanishAnalyzer"/> over a text and reads the result as an <see cref="AnalyzedDocument"/>: each word's
/// stem looked up in the <see cref="Vocabulary"/> (with spelling tolerance), sentences, clauses and the quoted mask.
/// One instance for the app; thread-safe (Lucene keeps one token stream per thread and reuses it).
/// </summary>
public sealed class TextAnalyzer
{
    private readonly DanishAnalyzer _analyzer;
    private readonly DanishAnalyzer _analyzerJoiningHyphens;
    private readonly bool[] _startsClause;

    /// <param name="vocabulary">The stems the rules know.</param>
    /// <param name="clauseWords">Stems that open a new clause ("men", "but", "fordi").</param>
    public TextAnalyzer(Vocabulary vocabulary, IEnumerable<string> clauseWords)
    {
        Vocabulary = vocabulary;
        var parts = Enumerable.Range(0, vocabulary.Count).Select(i => vocabulary[i]).Where(s => s.Length >= 4);
        _analyzer = new DanishAnalyzer(parts, joinLineBreakHyphens: false);
        _analyzerJoiningHyphens = new DanishAnalyzer(parts);
        _startsClause = new bool[vocabulary.Count];
        foreach (var word in clauseWords)
        {
            var id = vocabulary.Exact(word);
            if (id != Vocabulary.Unknown) _startsClause[id] = true;
        }
    }

    public Vocabulary Vocabulary { get; }

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

    public AnalyzedDocument Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = QuotedText.Ranges(text);
        var tokens = new TextToken[Math.Max(4, text.Length / 5)];
        var parts = new List<TokenPart>();
        var stems = new char[Math.Max(16, text.Length)];
        int count = 0, stemLength = 0, quoteIndex = 0;
        var sentences = new List<TextSpan>();
        var clauses = new List<TextSpan>();
        int sentenceStart = 0, clauseStart = 0, previousEnd = 0;
        var previousQuoted = false;

        var analyzer = HasLineBreakHyphen(text) ? _analyzerJoiningHyphens : _analyzer;
        using (var stream = analyzer.GetTokenStream("text", text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var stem = term.Buffer.AsSpan(0, term.Length);
                if (increment.PositionIncrement == 0 && count > 0)
                {
                    var part = Vocabulary.Exact(stem);
                    if (part == Vocabulary.Unknown) continue;
                    parts.Add(new TokenPart(part, count - 1));
                    var head = tokens[count - 1];
                    tokens[count - 1] = head with { FirstPart = head.PartCount == 0 ? parts.Count - 1 : head.FirstPart, PartCount = head.PartCount + 1 };
                    continue;
                }

                var start = offset.StartOffset;
                while (quoteIndex < quoted.Count && quoted[quoteIndex].End <= start) quoteIndex++;
                var isQuoted = quoteIndex < quoted.Count && quoted[quoteIndex].Start <= start;
                var id = Vocabulary.Find(stem, out var fuzzy);
                if (id == Vocabulary.Unknown && stem.Length >= 4) id = FindUnstemmed(text.AsSpan(start, offset.EndOffset - start), out fuzzy);
                else if (!fuzzy && Vocabulary.HasSurfaces(id)) id = SurfaceOr(id, text.AsSpan(start, offset.EndOffset - start));

                if (count > 0)
                {
                    var gap = text.AsSpan(previousEnd, start - previousEnd);
                    var endsSentence = EndsSentence(gap, text[start]) || isQuoted != previousQuoted;
                    if (endsSentence)
                    {
                        var question = gap.Contains('?');
                        clauses.Add(new TextSpan(clauseStart, count, sentences.Count, question));
                        sentences.Add(new TextSpan(sentenceStart, count, sentences.Count, question));
                        sentenceStart = clauseStart = count;
                    }
                    else if (gap.IndexOfAny(ClausePunctuation) >= 0 || (id != Vocabulary.Unknown && !fuzzy && _startsClause[id]))
                    {
                        clauses.Add(new TextSpan(clauseStart, count, sentences.Count, false));
                        clauseStart = count;
                    }
                }

                if (count == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
                if (stemLength + stem.Length > stems.Length) Array.Resize(ref stems, Math.Max(stems.Length * 2, stemLength + stem.Length));
                stem.CopyTo(stems.AsSpan(stemLength));
                tokens[count++] = new TextToken(start, offset.EndOffset - start, id, fuzzy, isQuoted, sentences.Count,
                    clauses.Count, parts.Count, 0, stemLength, stem.Length);
                stemLength += stem.Length;
                previousEnd = offset.EndOffset;
                previousQuoted = isQuoted;
            }
            stream.End();
        }

        if (count > 0)
        {
            var question = text.AsSpan(previousEnd).TrimStart().StartsWith("?");
            clauses.Add(new TextSpan(clauseStart, count, sentences.Count, question));
            sentences.Add(new TextSpan(sentenceStart, count, sentences.Count, question));
        }
        return new AnalyzedDocument(text, tokens, count, [.. parts], [.. sentences], [.. clauses], stems, quoted);
    }

    /// <summary>"tidligere" stems to "tid"; when an "=tidligere" lemma exists, the word is that lemma and not "tid".</summary>
    private int SurfaceOr(int stemId, ReadOnlySpan<char> original)
    {
        if (original.Length > 40) return stemId;
        Span<char> folded = stackalloc char[original.Length * 2];
        var surface = Vocabulary.Surface(folded[..Fold(original, folded)]);
        return surface == Vocabulary.Unknown ? stemId : surface;
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

    private static bool HasLineBreakHyphen(string text) =>
        text.Contains("-\n", StringComparison.Ordinal) || text.Contains("-\r\n", StringComparison.Ordinal) || text.Contains("\u00AD\n", StringComparison.Ordinal);

    private const string ClausePunctuation = ",;:()–—\"“”";

    /// <summary>
    /// A sentence ends at "!" or "?", at a blank line, at a line break before a capital letter, and at "." before a
    /// capital letter — so "f.eks. en kopi", "den 12. september" and "kl. 9.30" stay one sentence.
    /// </summary>
    private static bool EndsSentence(ReadOnlySpan<char> gap, char next)
    {
        if (gap.IndexOfAny('!', '?') >= 0) return true;
        var newline = gap.IndexOf('\n');
        if (newline >= 0 && (gap[(newline + 1)..].Contains('\n') || !char.IsLower(next))) return true;
        return gap.Contains('.') && !char.IsLower(next) && !char.IsDigit(next);
    }
}
