using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>
/// A title or letter body split into folded words (<see cref="DanishText.Tokenize"/>) and sentences, so phrases
/// can be anchored to a sentence, kept inside one, and questions recognised.
/// </summary>
internal sealed class AnalyzedText
{
    private readonly int[] _sentenceOf;
    private readonly List<(int First, int Last, bool Question)> _sentences = new();

    public AnalyzedText(string original)
    {
        Original = original;
        Tokens = DanishText.Tokenize(original);
        _sentenceOf = new int[Tokens.Count];
        var first = 0;
        for (var i = 0; i < Tokens.Count; i++)
        {
            var gapEnd = i + 1 < Tokens.Count ? Tokens[i + 1].Start : original.Length;
            if (i + 1 == Tokens.Count || IsSentenceBreak(original, Tokens[i].End, gapEnd))
            {
                var question = GapHasQuestionMark(original, Tokens[i].End, gapEnd)
                    && !IsFaqHeading(original, first == 0 ? 0 : Tokens[first - 1].End, Tokens[first].Start, Tokens[i].End, gapEnd);
                _sentences.Add((first, i, question));
                for (var k = first; k <= i; k++) _sentenceOf[k] = _sentences.Count - 1;
                first = i + 1;
            }
        }
    }

    public string Original { get; }

    public List<Token> Tokens { get; }

    public int SentenceOf(int token) => _sentenceOf[token];

    public int SentenceStart(int token) => _sentences[_sentenceOf[token]].First;

    public bool IsSentenceStart(int token) => SentenceStart(token) == token;

    public bool IsSentenceEnd(int token) => _sentences[_sentenceOf[token]].Last == token;

    public bool InQuestion(int token) => _sentences[_sentenceOf[token]].Question;

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
        for (var i = from; i < to; i++)
        {
            switch (text[i])
            {
                case '!' or '?' or ';': return true;
                case '\n' or '\r':
                    if (text[i] == '\r' && i + 1 < to && text[i + 1] == '\n') i++;
                    if (++newlines >= 2) return true;
                    soft |= IsShortOrCapitalLine(text, from, WrappedLineLength);
                    break;
                case '.' or ':': soft = true; break;
                case '-' or '•' or '*' when newlines > 0: soft = true; break;
            }
        }
        return soft && to < text.Length && char.IsUpper(text[to]);
    }

    /// <summary>The line ending at <paramref name="end"/> is short or ALL CAPS (a heading), not wrapped body text.</summary>
    private static bool IsShortOrCapitalLine(string text, int end, int wrappedLength)
    {
        var start = end;
        var lowerCase = false;
        while (start > 0 && text[start - 1] != '\n') lowerCase |= char.IsLower(text[--start]);
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
