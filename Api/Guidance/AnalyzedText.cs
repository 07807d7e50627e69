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
                _sentences.Add((first, i, GapHasQuestionMark(original, Tokens[i].End, gapEnd)));
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
    /// Sentence ends: "!", "?", ";", a blank line, or ".", ":" or a line break followed by a capital letter.
    /// A single line break before a lower-case word is a wrapped line, not a new sentence; "den 27. marts" is one sentence.
    /// </summary>
    private static bool IsSentenceBreak(string text, int from, int to)
    {
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
                    soft = true;
                    break;
                case '.' or ':': soft = true; break;
            }
        }
        return soft && to < text.Length && char.IsUpper(text[to]);
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
