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
    private readonly CompiledLemma[]?[] _byFirstTerm;

    /// <summary>A lemma as vocabulary ids: per step the ids that fill it and how many other words may come before it.</summary>
    private sealed record CompiledLemma(int Concept, int[][] Steps, int[] Gaps);

    private ConceptSet(string[] names, List<(int, int[][], int[])>?[] byFirstTerm, TextAnalyzer analyzer)
    {
        _names = names;
        _ids = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        _byFirstTerm = byFirstTerm.Select(lemmas => lemmas?.Select(l => new CompiledLemma(l.Item1, l.Item2, l.Item3)).ToArray()).ToArray();
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

        var clauseStems = clauseWords.SelectMany(TextAnalyzer.Stems).ToList();
        var allStems = expanded.Values.SelectMany(p => p).SelectMany(p => p).SelectMany(step => step)
            .Where(s => !s.StartsWith("..", StringComparison.Ordinal) && !s.StartsWith('=') && !s.StartsWith(LemmaPattern.SurfaceMarker))
            .Concat(clauseStems);
        var exactOnly = parsed.Values.SelectMany(p => p).SelectMany(p => p.ExactStems);
        var aliases = parsed.Values.SelectMany(p => p).SelectMany(p => p.Aliases);
        var surfaces = parsed.Values.SelectMany(p => p).SelectMany(p => p.Surfaces);
        var analyzer = new TextAnalyzer(new Vocabulary(allStems, exactOnly, aliases, surfaces), clauseStems, maskSignatures);

        var names = parsed.Keys.ToArray();
        var byFirstTerm = new List<(int, int[][], int[])>?[analyzer.Vocabulary.Count];
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
                    (byFirstTerm[first] ??= []).Add((c, words.ToArray(), gaps.ToArray()));
                }
            }
        }
        return new ConceptSet(names, byFirstTerm, analyzer);
    }

    /// <summary>Every hit of every concept in the writer's own words (quoted words never match), in text order.</summary>
    public List<ConceptHit> Find(AnalyzedDocument document)
    {
        var tokens = document.Tokens;
        var hits = new List<ConceptHit>(tokens.Length / 8 + 4);
        var coveredUpTo = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Quoted) continue;
            var before = hits.Count;
            if (token.Term != Vocabulary.Unknown && _byFirstTerm[token.Term] is { } lemmas) Match(tokens, i, lemmas, token.Fuzzy, false, hits);
            if (hits.Count > before)
            {
                for (var h = before; h < hits.Count; h++) coveredUpTo = Math.Max(coveredUpTo, hits[h].Last);
                continue;
            }
            // A compound's parts count only when the word as a whole is no lemma ("klagevejledning" is not "klage").
            if (token.PartCount == 0 || i <= coveredUpTo) continue;
            foreach (var part in document.Parts(token))
            {
                if (_byFirstTerm[part.Term] is { } partLemmas) Match(tokens, i, partLemmas, token.Fuzzy, true, hits);
            }
        }
        return hits;
    }

    private static void Match(ReadOnlySpan<TextToken> tokens, int i, CompiledLemma[] lemmas, bool fuzzy, bool inCompound, List<ConceptHit> hits)
    {
        var sentence = tokens[i].Sentence;
        foreach (var (concept, steps, gaps) in lemmas)
        {
            var at = i;
            var anyFuzzy = fuzzy;
            var matched = true;
            for (var s = 1; s < steps.Length && matched; s++)
            {
                matched = false;
                for (var next = at + 1; next <= at + 1 + gaps[s] && next < tokens.Length; next++)
                {
                    ref readonly var word = ref tokens[next];
                    if (word.Sentence != sentence || word.Quoted) break;
                    if (Array.IndexOf(steps[s], word.Term) < 0) continue;
                    anyFuzzy |= word.Fuzzy;
                    at = next;
                    matched = true;
                    break;
                }
            }
            if (!matched) continue;
            var hit = new ConceptHit(concept, i, at, anyFuzzy, inCompound);
            if (hits.Count > 0 && hits[^1].Concept == concept && hits[^1].First == i && hits[^1].Last == at) continue;
            hits.Add(hit);
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
