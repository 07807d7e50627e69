using System.Buffers;
using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>
/// A title or letter body split into words (<see cref="FoldedWords"/>, the words of <see cref="DanishText.Tokenize"/>)
/// and sentences, so phrases can be anchored to a sentence, kept inside one, and questions recognised. Each word is
/// kept as its offsets and its <see cref="WordLexicon"/> class, not as a string: this runs for every letter.
/// </summary>
internal sealed class AnalyzedText : IDisposable
{
    private static readonly WordLexicon NoWords = new([], []);

    // Rented, returned by Dispose: a letter's words are needed only while it is scanned.
    private Word[] _words;
    private Sentence[] _sentences;
    private int _sentenceCount;

    /// <summary>Words and sentences only (every word of class <see cref="WordLexicon.NoClass"/>).</summary>
    public AnalyzedText(string original) : this(original, NoWords)
    {
    }

    public AnalyzedText(string original, WordLexicon lexicon)
    {
        Original = original;
        _words = ArrayPool<Word>.Shared.Rent(original.Length / 6 + 1);
        var words = new FoldedWords(original);
        while (words.MoveNext())
        {
            if (Count == _words.Length) Grow(ref _words);
            _words[Count++] = new Word(words.Start, words.Start + words.Length, lexicon.Classify(words.Folded));
        }

        _sentences = ArrayPool<Sentence>.Shared.Rent(Math.Max(Count, 1));
        var first = 0;
        for (var i = 0; i < Count; i++)
        {
            var gapEnd = i + 1 < Count ? _words[i + 1].Start : original.Length;
            if (i + 1 == Count || IsSentenceBreak(original, _words[i].End, gapEnd))
            {
                var question = GapHasQuestionMark(original, _words[i].End, gapEnd)
                    && !IsFaqHeading(original, first == 0 ? 0 : _words[first - 1].End, _words[first].Start, _words[i].End, gapEnd)
                    && !IsAnsweredOnItsLine(original, first == 0 ? 0 : _words[first - 1].End, _words[first].Start, i + 1);
                _sentences[_sentenceCount] = new Sentence(first, i, question);
                for (var k = first; k <= i; k++) _words[k].Sentence = _sentenceCount;
                _sentenceCount++;
                first = i + 1;
            }
        }
    }

    public string Original { get; }

    /// <summary>How many words.</summary>
    public int Count { get; }

    /// <summary>Offset of the word's first character in <see cref="Original"/>.</summary>
    public int Start(int token) => _words[token].Start;

    /// <summary>Offset just after the word's last character in <see cref="Original"/>.</summary>
    public int End(int token) => _words[token].End;

    /// <summary>The word is one of (or starts with one of) the words of <paramref name="set"/>.</summary>
    public bool Is(int token, WordSet set) => set.Contains(_words[token].Class);

    /// <summary>The word's <see cref="WordLexicon"/> class.</summary>
    public int ClassOf(int token) => _words[token].Class;

    public int SentenceOf(int token) => _words[token].Sentence;

    public int SentenceStart(int token) => _sentences[_words[token].Sentence].First;

    public int SentenceLast(int token) => _sentences[_words[token].Sentence].Last;

    public int SentenceCount => _sentenceCount;

    /// <summary>The first and last word of sentence <paramref name="sentence"/>.</summary>
    public (int First, int Last) SentenceBounds(int sentence) => (_sentences[sentence].First, _sentences[sentence].Last);

    public bool IsSentenceStart(int token) => SentenceStart(token) == token;

    public bool IsSentenceEnd(int token) => _sentences[_words[token].Sentence].Last == token;

    public bool InQuestion(int token) => _sentences[_words[token].Sentence].Question;

    public void Dispose()
    {
        ArrayPool<Word>.Shared.Return(_words);
        ArrayPool<Sentence>.Shared.Return(_sentences);
        _words = [];
        _sentences = [];
    }

    private static void Grow(ref Word[] words)
    {
        var larger = ArrayPool<Word>.Shared.Rent(words.Length * 2);
        words.CopyTo(larger, 0);
        ArrayPool<Word>.Shared.Return(words);
        words = larger;
    }

    private record struct Word(int Start, int End, int Class)
    {
        public int Sentence;
    }

    private readonly record struct Sentence(int First, int Last, bool Question);

    /// <summary>
    /// Sentence ends: "!", "?", ";", a blank line, or "." / ":" followed by a capital letter, or a line break followed
    /// by a capital letter after a short line (a heading, a salutation, a list item). A long line broken without
    /// punctuation is hard-wrapped body text ("… til os\nFærdselsstyrelsen senest …"): the sentence runs on, as it
    /// does before a lower-case word. "den 27. marts" is one sentence.
    /// </summary>
    private static bool IsSentenceBreak(string text, int from, int to)
    {
        const int WrappedLineLength = 60;
        var newlines = 0;
        var soft = false;
        var lineBreak = false; // the line before it is looked at only when it decides (it scans back a whole line)
        for (var i = from; i < to; i++)
        {
            switch (text[i])
            {
                case '!' or '?' or ';': return true;
                case '\n' or '\r':
                    if (text[i] == '\r' && i + 1 < to && text[i + 1] == '\n') i++;
                    if (++newlines >= 2) return true;
                    lineBreak = true;
                    break;
                case '.' or ':': soft = true; break;
                case '-' or '•' or '*' when newlines > 0: soft = true; break;
            }
        }
        return to < text.Length && char.IsUpper(text[to])
            && (soft || lineBreak && IsShortOrCapitalLine(text, from, WrappedLineLength));
    }

    /// <summary>The line ending at <paramref name="end"/> is short or ALL CAPS (a heading), not wrapped body text.</summary>
    private static bool IsShortOrCapitalLine(string text, int end, int wrappedLength)
    {
        var start = end;
        var lowerCase = false;
        while (start > 0 && text[start - 1] != '\n')
        {
            lowerCase |= char.IsLower(text[--start]);
            if (lowerCase && end - start >= wrappedLength) return false; // long and not all caps: wrapped body text
        }
        return end - start < wrappedLength || !lowerCase;
    }

    /// <summary>
    /// A question alone on its line and directly followed (one line break) by more text is a FAQ heading of an
    /// information leaflet ("Har du fået et klip?" / "Du får et klip, hvis …"): the letter answers it itself, so it
    /// does not ask the recipient anything. A question to the recipient ends a paragraph or runs on in the same line.
    /// </summary>
    private static bool IsFaqHeading(string text, int before, int start, int end, int after)
    {
        var atLineStart = before == 0 ? text.AsSpan(0, start).IsWhiteSpace() : text.AsSpan(before, start - before).Contains('\n');
        if (!atLineStart || after >= text.Length) return false;
        var newlines = 0;
        for (var i = end; i < after; i++)
        {
            if (text[i] == '\n') newlines++;
            else if (newlines == 0 && !char.IsWhiteSpace(text[i]) && text[i] is not ('?' or '"' or '”' or ')')) return false;
        }
        return newlines == 1;
    }

    /// <summary>
    /// A question starting a line and answered by the letter itself in the same line is a leaflet's rhetorical question
    /// ("Har du fyldt 17 år? Så kan du …", "Skal du have en ledsager? Ja, …"), not a question to the recipient. "Så"
    /// followed by "vi"/"os" is our own next step ("Kan du sende kopien? Så kan vi behandle sagen"): still a request.
    /// </summary>
    private bool IsAnsweredOnItsLine(string text, int before, int start, int next)
    {
        var atLineStart = before == 0 ? text.AsSpan(0, start).IsWhiteSpace() : text.AsSpan(before, start - before).Contains('\n');
        if (!atLineStart || next >= Count || text.AsSpan(_words[next - 1].End, _words[next].Start - _words[next - 1].End).Contains('\n'))
            return false;
        if (WordIs(text, next, "ja") || WordIs(text, next, "nej")) return true;
        if (!WordIs(text, next, "så") && !WordIs(text, next, "saa")) return false;
        for (var k = next + 1; k <= next + 2 && k < Count; k++)
            if (WordIs(text, k, "vi") || WordIs(text, k, "os")) return false;
        return true;
    }

    private bool WordIs(string text, int token, string word) =>
        text.AsSpan(_words[token].Start, _words[token].End - _words[token].Start).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool GapHasQuestionMark(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] == '?') return true;
            if (text[i] is '.' or '!' or '\n' or '\r') return false;
        }
        return false;
    }
}
