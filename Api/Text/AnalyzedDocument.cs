using System.Buffers;

namespace SmartPost.Api.Text;

/// <summary>A word of the text after the analysis chain.</summary>
/// <param name="Start">Offset of the word in the original text.</param>
/// <param name="Length">Length in the original text (may span a hyphenated line break).</param>
/// <param name="Term">Vocabulary id of its stem (exact or within the spelling tolerance), or <see cref="Vocabulary.Unknown"/>.</param>
/// <param name="Fuzzy">The stem was reached by the spelling tolerance, not exactly.</param>
/// <param name="Quoted">The word stands in quoted or forwarded text (<see cref="QuotedText"/>).</param>
/// <param name="Shape">What the verb-first condition test asks of the word as written (<see cref="VerbFirstCondition.ShapeOf"/>);
/// next to the two flags, so the token keeps its 32 bytes.</param>
/// <param name="FirstPart">Index of its first compound part in <see cref="AnalyzedDocument.Parts"/>.</param>
/// <param name="PartCount">How many known words the compound splits into (0 for a simple word).</param>
public readonly record struct TextToken(
    int Start, int Length, int Term, bool Fuzzy, bool Quoted, WordShape Shape, int Sentence, int Clause, int FirstPart, int PartCount)
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
/// whether it was quoted. Made by <see cref="TextAnalyzer.Analyze"/>. Its arrays (words, stems, parts, sentences,
/// clauses) are rented from the shared pool: a caller that is done with the document disposes it to give them back (then
/// it must not be read again); one that does not simply leaves them to the garbage collector.
/// </summary>
public sealed class AnalyzedDocument : IDisposable
{
    internal AnalyzedDocument(string text, TextToken[] tokens, int count, TokenPart[] parts, TextSpan[] sentences, int sentenceCount,
        TextSpan[] clauses, int clauseCount, string[] stems, List<(int Start, int End)> quoted)
    {
        Text = text;
        _tokens = tokens;
        _count = count;
        _parts = parts;
        _sentences = sentences;
        _sentenceCount = sentenceCount;
        _clauses = clauses;
        _clauseCount = clauseCount;
        _stems = stems;
        QuotedRanges = quoted;
    }

    private TextToken[] _tokens;
    private int _count;
    private TokenPart[] _parts;
    // Per word, the memo's stem string (shared, not copied): the stems are for reading and diagnostics only.
    private string[] _stems;
    private TextSpan[] _sentences;
    private int _sentenceCount;
    private TextSpan[] _clauses;
    private int _clauseCount;
    private IReadOnlyList<TextSpan>? _sentenceList;
    private IReadOnlyList<TextSpan>? _clauseList;

    public string Text { get; }

    public ReadOnlySpan<TextToken> Tokens => _tokens.AsSpan(0, _count);

    public ReadOnlySpan<TokenPart> Parts(in TextToken token) => _parts.AsSpan(token.FirstPart, token.PartCount);

    public IReadOnlyList<TextSpan> Sentences => _sentenceList ??= new ArraySegment<TextSpan>(_sentences, 0, _sentenceCount);

    public IReadOnlyList<TextSpan> Clauses => _clauseList ??= new ArraySegment<TextSpan>(_clauses, 0, _clauseCount);

    /// <summary>The sentences as a span: the rule matcher's inner loops read them without an interface call each.</summary>
    internal ReadOnlySpan<TextSpan> SentenceSpans => _sentences.AsSpan(0, _sentenceCount);

    /// <summary>The clauses as a span (see <see cref="SentenceSpans"/>).</summary>
    internal ReadOnlySpan<TextSpan> ClauseSpans => _clauses.AsSpan(0, _clauseCount);

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

    /// <summary>The folded stem of word <paramref name="word"/> (for reading and diagnostics; rules compare <see cref="TextToken.Term"/>).</summary>
    public ReadOnlySpan<char> Stem(int word) => _stems.AsSpan(0, _count)[word];

    /// <summary>The original text of words <paramref name="first"/>..<paramref name="last"/>.</summary>
    public string Excerpt(int first, int last) => Text[_tokens[first].Start.._tokens[last].End];

    /// <summary>The writer's own text: without quoted or forwarded text.</summary>
    public string OwnText() => QuotedText.OwnText(Text, [.. QuotedRanges]);

    /// <summary>
    /// Gives the arrays back to the pool; afterwards the document has no words, sentences or clauses (never another
    /// text's). Disposing twice gives nothing back twice.
    /// </summary>
    public void Dispose()
    {
        var count = _count;
        _count = _sentenceCount = _clauseCount = 0;
        _sentenceList = _clauseList = [];
        var tokens = Interlocked.Exchange(ref _tokens, []);
        if (tokens.Length == 0) return;
        ArrayPool<TextToken>.Shared.Return(tokens);
        var stems = Interlocked.Exchange(ref _stems, []);
        // The pool hands arrays to any code in the process: it must not keep this text's stems alive.
        Array.Clear(stems, 0, Math.Min(count, stems.Length));
        ArrayPool<string>.Shared.Return(stems);
        ArrayPool<TextSpan>.Shared.Return(Interlocked.Exchange(ref _sentences, []));
        ArrayPool<TextSpan>.Shared.Return(Interlocked.Exchange(ref _clauses, []));
        var parts = Interlocked.Exchange(ref _parts, []);
        if (parts.Length > 0) ArrayPool<TokenPart>.Shared.Return(parts);
    }
}
