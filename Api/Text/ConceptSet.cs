namespace SmartPost.Api.Text;

/// <summary>Where a concept was found: words <see cref="First"/>..<see cref="Last"/> of the document.</summary>
/// <param name="Fuzzy">At least one word matched through the spelling tolerance.</param>
/// <param name="InCompound">Found as a part of a compound word ("klage" in "klagefrist").</param>
public readonly record struct ConceptHit(int Concept, int First, int Last, bool Fuzzy, bool InCompound);

/// <summary>
/// Named concepts, each a list of lemmas (README.md, "Rule syntax"), compiled against one <see cref="TextAnalyzer"/>:
/// a lemma's words are read by the same chain as the text, so inflection, æ/ae and spelling come from the core and
/// the lemma lists stay short. Immutable; thread-safe.
/// </summary>
public sealed class ConceptSet
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _ids;
    private readonly LemmaAutomaton _lemmas;

    private ConceptSet(string[] names, List<LemmaAutomaton.Lemma>?[] byFirstTerm, TextAnalyzer analyzer)
    {
        _names = names;
        _ids = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        _lemmas = new LemmaAutomaton(byFirstTerm);
        Analyzer = analyzer;
    }

    /// <summary>The analyzer whose vocabulary holds every lemma's stems.</summary>
    public TextAnalyzer Analyzer { get; }

    public IReadOnlyList<string> Names => _names;

    public int IdOf(string concept) => _ids.TryGetValue(concept, out var id) ? id : throw new KeyNotFoundException($"Unknown concept '{concept}'.");

    public bool Contains(string concept) => _ids.ContainsKey(concept);

    /// <summary>
    /// Compiles the concepts and builds the analyzer. Errors (unknown "@concept", a lemma without words, a bad gap)
    /// are returned as "concept 'x', lemma 'y': …" so a loader can name its file.
    /// </summary>
    public static ConceptSet Build(IReadOnlyDictionary<string, List<string>> concepts, IEnumerable<string> clauseWords, List<string> errors,
        bool maskSignatures = false)
    {
        var parsed = new Dictionary<string, List<LemmaPattern>>(StringComparer.Ordinal);
        foreach (var (name, lemmas) in concepts)
        {
            var patterns = new List<LemmaPattern>();
            foreach (var lemma in lemmas)
            {
                var pattern = LemmaPattern.Parse(lemma, out var error);
                if (error is not null) errors.Add($"concept '{name}', lemma '{lemma}': {error}");
                else patterns.Add(pattern!);
            }
            if (lemmas.Count == 0) errors.Add($"concept '{name}': has no lemmas.");
            parsed[name] = patterns;
        }

        var expanded = new Dictionary<string, List<List<string[]>>>(StringComparer.Ordinal);
        foreach (var name in parsed.Keys) expanded[name] = Expand(name, parsed, [], errors);

        var clauseWordList = clauseWords.ToList();
        var clauseStems = clauseWordList.SelectMany(TextAnalyzer.Stems).ToList();
        var allStems = expanded.Values.SelectMany(p => p).SelectMany(p => p).SelectMany(step => step)
            .Where(s => !s.StartsWith("..", StringComparison.Ordinal) && !s.StartsWith('=') && !s.StartsWith(LemmaPattern.SurfaceMarker))
            .Concat(clauseStems);
        var exactOnly = parsed.Values.SelectMany(p => p).SelectMany(p => p.ExactStems).Append(LemmaPattern.VerbFirstClauseStem);
        var aliases = parsed.Values.SelectMany(p => p).SelectMany(p => p.Aliases);
        var surfaces = parsed.Values.SelectMany(p => p).SelectMany(p => p.Surfaces);
        var analyzer = new TextAnalyzer(new Vocabulary(allStems, exactOnly, aliases, surfaces), clauseWordList, maskSignatures);

        var names = parsed.Keys.ToArray();
        var byFirstTerm = new List<LemmaAutomaton.Lemma>?[analyzer.Vocabulary.Count];
        for (var c = 0; c < names.Length; c++)
        {
            foreach (var steps in expanded[names[c]])
            {
                // A step is a word ("" = a gap marker of up to N words, kept as a negative number).
                var words = new List<int[]>();
                var gaps = new List<int>();
                var gap = 0;
                foreach (var step in steps)
                {
                    if (step.Length == 1 && step[0].StartsWith("..", StringComparison.Ordinal))
                    {
                        gap = int.Parse(step[0][2..], System.Globalization.CultureInfo.InvariantCulture);
                        continue;
                    }
                    words.Add(step.Select(s => s.StartsWith(LemmaPattern.SurfaceMarker)
                            ? analyzer.Vocabulary.Exact(Vocabulary.SurfaceKey(s[LemmaPattern.SurfaceMarker.Length..]))
                            : analyzer.Vocabulary.Exact(s))
                        .Where(id => id != Vocabulary.Unknown).Distinct().ToArray());
                    gaps.Add(gap);
                    gap = 0;
                }
                if (words.Count == 0) continue;
                foreach (var first in words[0])
                {
                    (byFirstTerm[first] ??= []).Add(new LemmaAutomaton.Lemma(c, words.ToArray(), gaps.ToArray()));
                }
            }
        }
        var verbFirst = analyzer.Vocabulary.Exact(LemmaPattern.VerbFirstClauseStem);
        return new ConceptSet(names, byFirstTerm, analyzer) { _verbFirstTerm = verbFirst != Vocabulary.Unknown && byFirstTerm[verbFirst] is not null ? verbFirst : Vocabulary.Unknown };
    }

    /// <summary>
    /// A clause shape, not a word: the first word of a verb-first condition clause (<see cref="VerbFirstCondition"/>:
    /// "Tager I kortet fra mig, klager jeg"), where "hvis" would stand. Alone it is a lemma of its own; it can also open
    /// a lemma and then stands for the whole condition clause: "#verbFirstClause ..3 give os besked" is "give os besked"
    /// within the first words of the main clause after the condition's comma ("Får du et nyt job, skal du give os besked").
    /// </summary>
    public const string VerbFirstClauseMarker = "#verbFirstClause";

    /// <summary>The vocabulary id that lemmas opened by the marker are filed under; Unknown when no lemma uses it.</summary>
    private int _verbFirstTerm = Vocabulary.Unknown;

    /// <summary>Every hit of every concept in the writer's own words (quoted words never match), in text order.</summary>
    public List<ConceptHit> Find(AnalyzedDocument document)
    {
        var hits = new List<ConceptHit>(document.Tokens.Length / 8 + 4);
        Find(document, hits);
        return hits;
    }

    /// <summary>The same as <see cref="Find(AnalyzedDocument)"/>, into <paramref name="hits"/> (a caller's reused list, cleared first).</summary>
    internal void Find(AnalyzedDocument document, List<ConceptHit> hits)
    {
        hits.Clear();
        var tokens = document.Tokens;
        var sentences = document.SentenceSpans;
        var coveredUpTo = -1;
        var (found, taken) = _lemmas.Scratch();
        // At most one per sentence: small lists, made only for a concept set that asks for the clause shape.
        List<int>? clauseStarts = null, mainClauses = null;
        if (_verbFirstTerm != Vocabulary.Unknown) VerbFirstCondition.Find(document, clauseStarts = [], mainClauses = []);
        var nextStart = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Quoted) continue;
            var sentenceEnd = sentences[token.Sentence].EndToken;
            if (clauseStarts is not null && nextStart < clauseStarts.Count && clauseStarts[nextStart] == i)
            {
                // Before the word's own lemmas, so hits stay in text order (First, then rule order).
                // The marker stands for the whole condition clause: a lemma's next word is looked for from its main clause on.
                var count = _lemmas.Match(tokens, i, mainClauses![nextStart] - 1, sentenceEnd, _lemmas.RootOf(_verbFirstTerm), false, found, taken);
                if (count > 0) Add(hits, i, false, found.AsSpan(0, count));
                nextStart++;
            }
            var before = hits.Count;
            if (token.Term != Vocabulary.Unknown && _lemmas.RootOf(token.Term) is >= 0 and var root)
            {
                var count = _lemmas.Match(tokens, i, i, sentenceEnd, root, token.Fuzzy, found, taken);
                if (count > 0) Add(hits, i, false, found.AsSpan(0, count));
            }
            if (hits.Count > before)
            {
                for (var h = before; h < hits.Count; h++) coveredUpTo = Math.Max(coveredUpTo, hits[h].Last);
                continue;
            }
            // A compound's parts count only when the word as a whole is no lemma ("klagevejledning" is not "klage").
            if (token.PartCount == 0 || i <= coveredUpTo) continue;
            foreach (var part in document.Parts(token))
            {
                var partRoot = _lemmas.RootOf(part.Term);
                if (partRoot < 0) continue;
                var count = _lemmas.Match(tokens, i, i, sentenceEnd, partRoot, token.Fuzzy, found, taken);
                if (count > 0) Add(hits, i, true, found.AsSpan(0, count));
            }
        }
    }

    /// <summary>
    /// The lemmas found from word <paramref name="first"/>, in rule order (the order the rules list them: hits stay the
    /// same list, whichever way they were found), each once: the same concept found again over the same words is dropped.
    /// </summary>
    private static void Add(List<ConceptHit> hits, int first, bool inCompound, Span<LemmaAutomaton.Found> found)
    {
        // Insertion sort: from one word a handful of lemmas at most are found.
        for (var k = 1; k < found.Length; k++)
        {
            var item = found[k];
            var j = k - 1;
            for (; j >= 0 && found[j].Rule > item.Rule; j--) found[j + 1] = found[j];
            found[j + 1] = item;
        }
        foreach (ref readonly var f in found)
        {
            if (hits.Count > 0 && hits[^1].Concept == f.Concept && hits[^1].First == first && hits[^1].Last == f.Last) continue;
            hits.Add(new ConceptHit(f.Concept, first, f.Last, f.Fuzzy, inCompound));
        }
    }

    private static List<List<string[]>> Expand(string name, Dictionary<string, List<LemmaPattern>> parsed, HashSet<string> visiting, List<string> errors)
    {
        var result = new List<List<string[]>>();
        if (!visiting.Add(name))
        {
            errors.Add($"concept '{name}': refers to itself through '@'.");
            return result;
        }
        foreach (var pattern in parsed[name])
        {
            var partial = new List<List<string[]>> { new() };
            foreach (var element in pattern.Elements)
            {
                if (element.Reference is { } reference)
                {
                    if (!parsed.ContainsKey(reference))
                    {
                        errors.Add($"concept '{name}', lemma '{pattern.Source}': unknown concept '@{reference}'.");
                        partial.Clear();
                        break;
                    }
                    var inner = Expand(reference, parsed, visiting, errors);
                    partial = partial.SelectMany(p => inner.Select(i => p.Concat(i).ToList())).ToList();
                }
                else
                {
                    foreach (var p in partial) p.Add(element.Words);
                }
            }
            result.AddRange(partial);
        }
        visiting.Remove(name);
        return result;
    }
}
