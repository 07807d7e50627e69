namespace SmartPost.Api.Text;

/// <summary>A word of the text after the analysis chain.</summary>
/// <param name="Start">Offset of the word in the original text.</param>
/// <param name="Length">Length in the original text (may span a hyphenated line break).</param>
/// <param name="Term">Vocabulary id of its stem (exact or within the spelling tolerance), or <see cref="Vocabulary.Unknown"/>.</param>
/// <param name="Fuzzy">The stem was reached by the spelling tolerance, not exactly.</param>
/// <param name="Quoted">The word stands in quoted or forwarded text (<see cref="QuotedText"/>).</param>
/// <param name="FirstPart">Index of its first compound part in <see cref="AnalyzedDocument.Parts"/>.</param>
/// <param name="PartCount">How many known words the compound splits into (0 for a simple word).</param>
public readonly record struct TextToken(
    int Start, int Length, int Term, bool Fuzzy, bool Quoted, int Sentence, int Clause, int FirstPart, int PartCount,
    int StemStart, int StemLength)
{
    public int End => Start + Length;
}

/// <summary>A compound's part ("anmodning" in "aktindsigtsanmodning"): its vocabulary id and the word it is part of.</summary>
public readonly record struct TokenPart(int Term, int Word);

/// <summary>A run of words: a sentence or a clause. <see cref="EndToken"/> is exclusive.</summary>
/// <param name="IsQuestion">The sentence (or the sentence's last clause) ends with "?".</param>
public readonly record struct TextSpan(int FirstToken, int EndToken, int Sentence, bool IsQuestion);

/// <summary>
/// A text as the rules read it: document → sentences → clauses → words, each word with its stem, its place and
/// whether it was quoted. Made by <see cref="TextAnalyzer.Analyze"/>. A letter's or reply's word arrays are rented from
/// the shared pool: a caller that is done with the document may dispose it to give them back (then it must not be read
/// again); one that does not simply leaves them to the garbage collector.
/// </summary>
public sealed class AnalyzedDocument : IDisposable
{
    internal AnalyzedDocument(string text, TextToken[] tokens, int count, TokenPart[] parts, IReadOnlyList<TextSpan> sentences,
        IReadOnlyList<TextSpan> clauses, char[] stems, List<(int Start, int End)> quoted, bool pooled)
    {
        _pooled = pooled;
        Text = text;
        _tokens = tokens;
        _count = count;
        _parts = parts;
        Sentences = sentences;
        Clauses = clauses;
        _stems = stems;
        QuotedRanges = quoted;
    }

    private TextToken[] _tokens;
    private int _count;
    private readonly bool _pooled;
    private TokenPart[] _parts;
    private char[] _stems;

    public string Text { get; }

    public ReadOnlySpan<TextToken> Tokens => _tokens.AsSpan(0, _count);

    public ReadOnlySpan<TokenPart> Parts(in TextToken token) => _parts.AsSpan(token.FirstPart, token.PartCount);

    public IReadOnlyList<TextSpan> Sentences { get; }

    public IReadOnlyList<TextSpan> Clauses { get; }

    /// <summary>Character ranges of quoted or forwarded text.</summary>
    public IReadOnlyList<(int Start, int End)> QuotedRanges { get; }

    /// <summary>True when every word is quoted (or there are none): nothing the writer wrote now.</summary>
    public bool HasNoOwnWords
    {
        get
        {
            foreach (var token in Tokens)
            {
                if (!token.Quoted) return false;
            }
            return true;
        }
    }

    /// <summary>The folded stem of a word (for reading and diagnostics; rules compare <see cref="TextToken.Term"/>).</summary>
    public ReadOnlySpan<char> Stem(in TextToken token) => _stems.AsSpan(token.StemStart, token.StemLength);

    /// <summary>The original text of words <paramref name="first"/>..<paramref name="last"/>.</summary>
    public string Excerpt(int first, int last) => Text[_tokens[first].Start.._tokens[last].End];

    /// <summary>The writer's own text: without quoted or forwarded text.</summary>
    public string OwnText() => QuotedText.OwnText(Text, [.. QuotedRanges]);

    /// <summary>Gives the word arrays back to the pool; afterwards the document has no words (never another text's).</summary>
    public void Dispose()
    {
        _count = 0;
        var tokens = Interlocked.Exchange(ref _tokens, []);
        if (tokens.Length == 0 || !_pooled) return;
        System.Buffers.ArrayPool<TextToken>.Shared.Return(tokens);
        System.Buffers.ArrayPool<char>.Shared.Return(Interlocked.Exchange(ref _stems, []));
        var parts = Interlocked.Exchange(ref _parts, []);
        if (parts.Length > 0) System.Buffers.ArrayPool<TokenPart>.Shared.Return(parts);
    }
}
