using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// Where each token stands: its sentence (ended by . ! ? or a blank line), its line, and whether its sentence is a
/// question. Clauses (split by , ; : brackets dashes and words like "men") are added once clause words are known.
/// </summary>
internal sealed class TextLayout
{
    public TextLayout(string text, List<Token> tokens)
    {
        var n = tokens.Count;
        Sentence = new int[n];
        Line = new int[n];
        Clause = new int[n];
        int sentence = 0, line = 0, previousEnd = 0;
        for (var i = 0; i < n; i++)
        {
            var gap = text.AsSpan(previousEnd, tokens[i].Start - previousEnd);
            var newlines = gap.Count('\n');
            line += newlines;
            if (i > 0 && (gap.IndexOfAny(".!?") >= 0 || newlines >= 2))
            {
                IsQuestion.Add(gap.Contains('?'));
                sentence++;
            }
            Sentence[i] = sentence;
            Line[i] = line;
            previousEnd = tokens[i].End;
        }
        IsQuestion.Add(text.AsSpan(previousEnd).TrimStart().StartsWith("?"));
        LineCount = line + 1;
    }

    public int[] Sentence { get; }
    public int[] Line { get; }
    public int[] Clause { get; }
    public List<bool> IsQuestion { get; } = [];
    public int LineCount { get; }

    public void MarkClauses(string text, List<Token> tokens, bool[] startsClause)
    {
        var clause = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            var gap = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
            if (Sentence[i] != Sentence[i - 1] || startsClause[i] || gap.IndexOfAny(",;:()–—") >= 0)
            {
                clause++;
            }
            Clause[i] = clause;
        }
        _lastClauseOfSentence = new int[IsQuestion.Count];
        for (var i = 0; i < tokens.Count; i++) _lastClauseOfSentence[Sentence[i]] = Clause[i];
    }

    private int[] _lastClauseOfSentence = [];

    /// <summary>
    /// The token stands in the clause that ends with "?": "Vil I ikke se på sagen igen?" is a request, but in
    /// "Jeg ønsker ikke at klage, men kan jeg se lægens udtalelse?" the negation is a statement before the question.
    /// </summary>
    public bool InQuestionClause(int token) =>
        IsQuestion[Sentence[token]] && Clause[token] == _lastClauseOfSentence[Sentence[token]];
}
