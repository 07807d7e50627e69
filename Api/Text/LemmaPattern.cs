namespace SmartPost.Api.Text;

/// <summary>
/// One lemma of a concept, parsed: words (each read through the analysis chain to its stem), "..N" gaps of up to N
/// words, "a|b" alternatives for one word, "@concept" for any lemma of another concept, "=word" for exactly this
/// word form, not its stem and without spelling tolerance ("=tidligere" is not "tid", "=first" is not "frist"), and an
/// opening "#verbFirstClause" for the first word of a verb-first condition clause (<see cref="VerbFirstCondition"/>).
/// </summary>
internal sealed class LemmaPattern
{
    /// <summary>Marks a word's folded form next to its stem in an <see cref="Element"/>.</summary>
    public const string SurfaceMarker = "~";

    /// <summary>
    /// The vocabulary entry of "#verbFirstClause": no word of a text stems to it (the tokenizer drops "#"), so only the
    /// concept scan puts it at the first word of a verb-first condition clause.
    /// </summary>
    public const string VerbFirstClauseStem = "#verbfirstclause";

    /// <summary>A word (its alternatives' stems), a gap ("..N" as the only entry) or a concept reference.</summary>
    internal readonly record struct Element(string[] Words, string? Reference);

    private LemmaPattern(string source, List<Element> elements, List<string> exactStems, List<(string, string)> aliases)
    {
        Source = source;
        Elements = elements;
        ExactStems = exactStems;
        Aliases = aliases;
    }

    /// <summary>"=word" forms: the folded word and its stem (the stem's other words must not match it).</summary>
    public List<(string Surface, string Stem)> Surfaces { get; private init; } = [];

    /// <summary>Each one-word lemma's folded unstemmed form with its stem, for <see cref="Vocabulary"/>.</summary>
    public List<(string Alias, string Stem)> Aliases { get; }

    public string Source { get; }
    public List<Element> Elements { get; }
    public List<string> ExactStems { get; }

    public static LemmaPattern? Parse(string lemma, out string? error)
    {
        error = null;
        var elements = new List<Element>();
        var exact = new List<string>();
        var aliases = new List<(string, string)>();
        var surfaces = new List<(string, string)>();
        foreach (var raw in lemma.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith("..", StringComparison.Ordinal))
            {
                if (!int.TryParse(raw[2..], out var n) || n is < 1 or > 10) return Fail($"'{raw}' must be '..1' to '..10'", out error);
                if (elements.Count == 0) return Fail("a lemma cannot start with a gap", out error);
                elements.Add(new Element([raw], null));
                continue;
            }
            if (raw == ConceptSet.VerbFirstClauseMarker)
            {
                // A clause shape, not a word: it stands for the clause's first word, so it can only open a lemma.
                if (elements.Count > 0) return Fail($"'{raw}' can only open a lemma", out error);
                elements.Add(new Element([VerbFirstClauseStem], null));
                continue;
            }
            if (raw.StartsWith('@'))
            {
                elements.Add(new Element([], raw[1..]));
                continue;
            }
            var alternatives = new List<string>();
            var stemsOfWord = new List<List<string>>();
            foreach (var alternative in raw.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var isExact = alternative.StartsWith('=');
                var stems = TextAnalyzer.Stems(isExact ? alternative[1..] : alternative);
                if (stems.Count == 0) return Fail($"'{alternative}' has no letters", out error);
                if (isExact)
                {
                    if (stems.Count != 1) return Fail($"'{alternative}' must be one word", out error);
                    var surface = DanishText.Fold(alternative[1..]).Replace("-", "");
                    surfaces.Add((surface, stems[0]));
                    stemsOfWord.Add([Vocabulary.SurfaceKey(surface)]);
                    continue;
                }
                if (stems.Count == 1)
                {
                    var folded = DanishText.Fold(alternative).Replace("-", "");
                    aliases.Add((folded, stems[0]));
                    // If an "=word" lemma elsewhere claims this very form, the plain lemma still means it too.
                    stems = [stems[0], SurfaceMarker + folded];
                }
                stemsOfWord.Add(stems);
            }
            // "art. 15" reads as two words; alternatives must then be single words.
            if (stemsOfWord.Count == 1 && (stemsOfWord[0].Count == 1 || !stemsOfWord[0][1].StartsWith(SurfaceMarker)))
            {
                foreach (var stem in stemsOfWord[0]) elements.Add(new Element([stem], null));
                continue;
            }
            if (stemsOfWord.Any(s => s.Count != 1 && !(s.Count == 2 && s[1].StartsWith(SurfaceMarker)))) return Fail($"alternatives in '{raw}' must be single words", out error);
            elements.Add(new Element(stemsOfWord.SelectMany(s => s).ToArray(), null));
        }
        if (elements.Count == 0 || elements[^1].Words is [var last] && last.StartsWith("..", StringComparison.Ordinal))
        {
            return Fail("a lemma needs words and cannot end with a gap", out error);
        }
        return new LemmaPattern(lemma, elements, exact, aliases) { Surfaces = surfaces };
    }

    private static LemmaPattern? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
