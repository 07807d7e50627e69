using System.Buffers;
using System.Runtime.CompilerServices;

namespace SmartPost.Api.Text;

/// <summary>
/// Builds an <see cref="AnalyzedDocument"/> from its words in text order: marks each word quoted or not, and decides
/// from the characters between two words (and the second word's first letter) where sentences and clauses end. One
/// pass; the word analyses come from <see cref="TextAnalyzer"/> (its memo or the Lucene chain).
/// </summary>
internal sealed class DocumentReader
{
    private readonly string _text;
    private readonly List<(int Start, int End)> _quoted;
    private TextToken[] _tokens;
    private string[] _stems;
    private TokenPart[] _parts;
    private int _count, _partCount, _quoteIndex;
    private TextSpan[] _sentences;
    private TextSpan[] _clauses;
    private int _sentenceCount, _clauseCount;
    private int _sentenceStart, _clauseStart, _previousEnd;
    private bool _previousQuoted;

    public DocumentReader(string text, bool signatures)
    {
        _text = text;
        _quoted = QuotedText.Ranges(text, signatures);
        // Every slot is written before it is read. The arrays come from the shared pool and go back when the document is
        // disposed: a two-page letter's words are ≈ 40 kB (allocating them for every suggestion was a fifth of reading it),
        // and a 256 kB reply's ≈ 2.5 MB, which went straight to the large object heap and cost a full collection now and
        // then. The pool rounds a request up to a power of two; the words of a text take at most a fifth of its length.
        _tokens = ArrayPool<TextToken>.Shared.Rent(Math.Max(4, text.Length / 5));
        _stems = ArrayPool<string>.Shared.Rent(Math.Max(4, text.Length / 5));
        _sentences = ArrayPool<TextSpan>.Shared.Rent(text.Length / 64 + 1);
        _clauses = ArrayPool<TextSpan>.Shared.Rent(text.Length / 32 + 1);
        // Compound parts: a letter's words have one about every fourth word; grown from nothing, a two-page letter's
        // rented and copied five times.
        _parts = ArrayPool<TokenPart>.Shared.Rent(text.Length / 16 + 1);
    }

    /// <summary>
    /// The next word of the text, after the previous one, with the known parts of its compound (<paramref name="parts"/>)
    /// and what the characters since the previous word held.
    /// </summary>
    // Once per word of every text read: inlined by request, as PGO would (see WordScanner.Next).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int end, int term, bool fuzzy, bool startsClause, string stem, WordShape shape, ReadOnlySpan<int> parts, Gap gap)
    {
        while (_quoteIndex < _quoted.Count && _quoted[_quoteIndex].End <= start) _quoteIndex++;
        var isQuoted = _quoteIndex < _quoted.Count && _quoted[_quoteIndex].Start <= start;
        // Most words are apart by one space, which ends nothing; anything else is decided out of line.
        if (_count > 0 && !(gap.EndsNothing && isQuoted == _previousQuoted && !startsClause)) Separate(start, isQuoted, startsClause, gap);

        if (_count == _tokens.Length) Grow(ref _tokens, _tokens.Length * 2);
        if (_count == _stems.Length) Grow(ref _stems, _stems.Length * 2);
        // The parts first, so the word is written once, whole: writing it and then rewriting it with its parts' place
        // read back a 32-byte record just stored (≈ 1.3 µs of a two-page letter's 18).
        var firstPart = _partCount;
        if (parts.Length > 0) AddParts(parts);
        _stems[_count] = stem;
        _tokens[_count++] = new TextToken(start, end - start, term, fuzzy, isQuoted, shape, _sentenceCount, _clauseCount, firstPart, parts.Length);
        _previousEnd = end;
        _previousQuoted = isQuoted;
    }

    private void AddParts(ReadOnlySpan<int> parts)
    {
        if (_partCount + parts.Length > _parts.Length) Grow(ref _parts, Math.Max(16, Math.Max(_parts.Length * 2, _partCount + parts.Length)));
        foreach (var part in parts) _parts[_partCount++] = new TokenPart(part, _count);
    }

    /// <summary>A known part of the last word's compound, as the Lucene chain gives it after the word.</summary>
    public void AddPart(int term)
    {
        if (_partCount == _parts.Length) Grow(ref _parts, Math.Max(16, _parts.Length * 2));
        _parts[_partCount++] = new TokenPart(term, _count - 1);
        ref var head = ref _tokens[_count - 1];
        head = head with { FirstPart = head.PartCount == 0 ? _partCount - 1 : head.FirstPart, PartCount = head.PartCount + 1 };
    }

    public bool HasWords => _count > 0;

    public AnalyzedDocument Build()
    {
        if (_count > 0)
        {
            var question = _text.AsSpan(_previousEnd).TrimStart().StartsWith("?");
            AddClause(new TextSpan(_clauseStart, _count, _sentenceCount, question));
            AddSentence(new TextSpan(_sentenceStart, _count, _sentenceCount, question));
        }
        return new AnalyzedDocument(_text, _tokens, _count, _parts, _sentences, _sentenceCount, _clauses, _clauseCount, _stems, _quoted);
    }

    private void AddSentence(TextSpan sentence)
    {
        if (_sentenceCount == _sentences.Length) Grow(ref _sentences, _sentences.Length * 2);
        _sentences[_sentenceCount++] = sentence;
    }

    private void AddClause(TextSpan clause)
    {
        if (_clauseCount == _clauses.Length) Grow(ref _clauses, _clauses.Length * 2);
        _clauses[_clauseCount++] = clause;
    }

    /// <summary>A bigger array from the pool with the used part copied; the old one goes back.</summary>
    private static void Grow<T>(ref T[] array, int length)
    {
        var bigger = ArrayPool<T>.Shared.Rent(length);
        array.AsSpan().CopyTo(bigger);
        // An array of stems holds references: cleared, so the pool does not keep this text's strings alive.
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        array = bigger;
    }

    /// <summary>
    /// "næste uge. kan jeg få lov at vente": people who write in lower case still end their sentences. A full stop
    /// followed by a space and a lower-case word ends one when it closes a word of two or more letters that is no
    /// abbreviation ("f.eks. en kopi", "ca. en uge", "2. th. og") — the stop must directly follow the word.
    /// </summary>
    private bool EndsWithWord(int nextStart)
    {
        var previous = _tokens[_count - 1];
        var gap = _text.AsSpan(_previousEnd, nextStart - _previousEnd);
        if (gap.Length < 2 || gap[0] != '.' || !char.IsWhiteSpace(gap[1]) || previous.Length < 2) return false;
        var word = _text.AsSpan(previous.Start, previous.Length);
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) return false;
        }
        Span<char> lower = stackalloc char[Math.Min(word.Length, 8)];
        return word.Length > 6 || !Abbreviations.Contains(new string(lower[..word.ToLowerInvariant(lower)]));
    }

    /// <summary>Abbreviations that end with a full stop inside a sentence (Danish and English, as written in replies).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "eks", "ca", "evt", "mht", "vedr", "jf", "jfr", "jvf", "nr", "kl", "tlf", "tel", "mob", "pga", "inkl", "ekskl",
        "iflg", "osv", "dvs", "mv", "mfl", "stk", "pkt", "att", "ang", "hhv", "vha", "ift", "bla", "etc", "fx", "pr", "kr",
        "th", "tv", "mf", "st", "sal", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
        "dec", "mdr", "md", "min", "max", "ref", "vs", "dr", "mr", "mrs", "ms", "eg", "ie", "no", "adr", "gl", "afd",
        "lign", "el", "ff", "cpr", "mvh", "vh", "incl", "approx", "obs", "ps", "bl", "hr", "fr", "sr", "jr", "ltd",
    };

    /// <summary>
    /// A sentence ends at "!" or "?", at a blank line, at a line break before a capital letter, at "." before a
    /// capital letter — so "f.eks. en kopi", "den 12. september" and "kl. 9.30" stay one sentence — at "." after a
    /// word before a lower-case word (<see cref="EndsWithWord"/>), and where quoted text starts or stops. A clause ends at <see cref="CharKinds.ClauseCharacters"/> or before a clause word.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Separate(int start, bool isQuoted, bool startsClause, Gap gap)
    {
        // Most words are apart by one space, which ends nothing.
        if (gap.EndsNothing && isQuoted == _previousQuoted)
        {
            if (startsClause)
            {
                AddClause(new TextSpan(_clauseStart, _count, _sentenceCount, false));
                _clauseStart = _count;
            }
            return;
        }
        var (kinds, newlines) = gap;
        var next = _text[start];
        var endsSentence = (kinds & (CharKinds.Exclamation | CharKinds.Question)) != 0
            || newlines > 0 && (newlines > 1 || !char.IsLower(next))
            || (kinds & CharKinds.FullStop) != 0 && !char.IsDigit(next) && (!char.IsLower(next) || EndsWithWord(start))
            || isQuoted != _previousQuoted;
        if (endsSentence)
        {
            var question = (kinds & CharKinds.Question) != 0;
            AddClause(new TextSpan(_clauseStart, _count, _sentenceCount, question));
            AddSentence(new TextSpan(_sentenceStart, _count, _sentenceCount, question));
            _sentenceStart = _clauseStart = _count;
        }
        else if ((kinds & CharKinds.ClausePunctuation) != 0 || startsClause)
        {
            AddClause(new TextSpan(_clauseStart, _count, _sentenceCount, false));
            _clauseStart = _count;
        }
    }
}
