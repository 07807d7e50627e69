using System.Numerics;

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
    private readonly LemmasStartingWith?[] _byFirstTerm;
    /// <summary>The masks of all lemma sets together, and the widest, for a text's notes and working mask.</summary>
    private readonly int _maskWords, _mostMaskWords;

    /// <summary>A lemma as vocabulary ids: per step the ids that fill it and how many other words may come before it.</summary>
    private sealed record CompiledLemma(int Concept, int[][] Steps, int[] Gaps);

    /// <summary>
    /// The lemmas that start with one word, in rule order, and which of them could go on with the words that follow.
    /// Common first words ("vi", "har", "du") start dozens of lemmas; trying each at every occurrence was most of a
    /// suggestion's time. Looking up the next few words' ids narrows them to the lemmas whose second word is there.
    /// A set of lemmas is a bit mask (bit k = the k-th lemma, one <see cref="ulong"/> per 64): joining sets is an OR, and
    /// reading the bits from the lowest gives the lemmas in rule order without sorting or de-duplicating.
    /// </summary>
    private sealed class LemmasStartingWith
    {
        /// <summary>Fewer lemmas than this are simply all tried: the look-ups would cost more than they save.</summary>
        private const int NarrowFrom = 6;

        public LemmasStartingWith(CompiledLemma[] lemmas, int vocabularySize, int maskOffset)
        {
            Lemmas = lemmas;
            Words = (lemmas.Length + 63) >> 6;
            MaskOffset = maskOffset;
            OneWord = new ulong[Words];
            All = new ulong[Words];
            for (var k = 0; k < lemmas.Length; k++)
            {
                All[k >> 6] |= 1UL << k;
                if (lemmas[k].Steps.Length == 1) OneWord[k >> 6] |= 1UL << k;
            }
            if (lemmas.Length < NarrowFrom) return;
            // Indexed by the following word's id: an array read, no hashing, for every word within reach.
            BySecondTerm = new ulong[]?[vocabularySize];
            for (var k = 0; k < lemmas.Length; k++)
            {
                var lemma = lemmas[k];
                if (lemma.Steps.Length == 1) continue;
                Window = Math.Max(Window, lemma.Gaps[1] + 1);
                foreach (var second in lemma.Steps[1]) (BySecondTerm[second] ??= new ulong[Words])[k >> 6] |= 1UL << k;
            }
        }

        public CompiledLemma[] Lemmas { get; }

        /// <summary>How many <see cref="ulong"/>s a mask of these lemmas takes.</summary>
        public int Words { get; }

        /// <summary>Where this set's masks stand among a text's notes (<see cref="WordsPresent"/>).</summary>
        public int MaskOffset { get; }

        /// <summary>Null: try every lemma. Else per following word's id the lemmas that could go on with it.</summary>
        public ulong[]?[]? BySecondTerm { get; }

        /// <summary>Lemmas of one word: always a hit.</summary>
        public ulong[] OneWord { get; }

        /// <summary>Every lemma of the set.</summary>
        public ulong[] All { get; }

        /// <summary>How many words after the first may hold a lemma's second word (the largest gap + 1).</summary>
        public int Window { get; }
    }

    private ConceptSet(string[] names, List<(int, int[][], int[])>?[] byFirstTerm, TextAnalyzer analyzer)
    {
        _names = names;
        _ids = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var maskWords = 0;
        _byFirstTerm = new LemmasStartingWith?[byFirstTerm.Length];
        for (var t = 0; t < byFirstTerm.Length; t++)
        {
            if (byFirstTerm[t] is not { } lemmas) continue;
            var set = new LemmasStartingWith(lemmas.Select(l => new CompiledLemma(l.Item1, l.Item2, l.Item3)).ToArray(), byFirstTerm.Length, maskWords);
            _byFirstTerm[t] = set;
            maskWords += set.Words;
        }
        _maskWords = maskWords;
        _mostMaskWords = _byFirstTerm.Max(l => l?.Words ?? 0);
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
        var coveredUpTo = -1;
        var candidates = _mostMaskWords <= 16 ? stackalloc ulong[_mostMaskWords] : new ulong[_mostMaskWords];
        var present = new WordsPresent(_byFirstTerm.Length <= 4096 ? stackalloc bool[_byFirstTerm.Length] : new bool[_byFirstTerm.Length],
            _maskWords <= 2048 ? stackalloc ulong[_maskWords] : new ulong[_maskWords],
            _maskWords <= 2048 ? stackalloc ulong[_maskWords] : new ulong[_maskWords]);
        foreach (ref readonly var token in tokens)
        {
            if (!token.Quoted && token.Term != Vocabulary.Unknown) present.Add(token.Term);
        }
        // At most one per sentence: small lists, made only for a concept set that asks for the clause shape.
        List<int>? clauseStarts = null, mainClauses = null;
        if (_verbFirstTerm != Vocabulary.Unknown) VerbFirstCondition.Find(document, clauseStarts = [], mainClauses = []);
        var nextStart = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Quoted) continue;
            if (clauseStarts is not null && nextStart < clauseStarts.Count && clauseStarts[nextStart] == i)
            {
                // Before the word's own lemmas, so hits stay in text order (First, then rule order).
                // The marker stands for the whole condition clause: a lemma's next word is looked for from its main clause on.
                var opened = _byFirstTerm[_verbFirstTerm]!;
                var all = candidates[..opened.Words];
                opened.All.CopyTo(all);
                present.KeepPossible(opened, all);
                for (var w = 0; w < all.Length; w++)
                {
                    for (var bits = all[w]; bits != 0; bits &= bits - 1)
                        Match(tokens, i, opened.Lemmas[(w << 6) + BitOperations.TrailingZeroCount(bits)], false, false, hits, from: mainClauses![nextStart] - 1);
                }
                nextStart++;
            }
            var before = hits.Count;
            if (token.Term != Vocabulary.Unknown && _byFirstTerm[token.Term] is { } lemmas) Match(tokens, i, lemmas, token.Fuzzy, false, hits, candidates, ref present);
            if (hits.Count > before)
            {
                for (var h = before; h < hits.Count; h++) coveredUpTo = Math.Max(coveredUpTo, hits[h].Last);
                continue;
            }
            // A compound's parts count only when the word as a whole is no lemma ("klagevejledning" is not "klage").
            if (token.PartCount == 0 || i <= coveredUpTo) continue;
            foreach (var part in document.Parts(token))
            {
                if (_byFirstTerm[part.Term] is { } partLemmas) Match(tokens, i, partLemmas, token.Fuzzy, true, hits, candidates, ref present);
            }
        }
    }

    /// <summary>
    /// Which vocabulary ids stand among the writer's own words, and per lemma (noted the first time it is a candidate,
    /// as two bits of its set's masks: looked at, possible) whether each of its later words is among them. A lemma with a
    /// word the text never uses cannot match anywhere in it: most lemmas of a common first word ("vi har modtaget …", "vi
    /// har afgjort …") are passed over without being tried.
    /// </summary>
    private ref struct WordsPresent(Span<bool> terms, Span<ulong> known, Span<ulong> possible)
    {
        private readonly Span<bool> _terms = terms;
        private readonly Span<ulong> _known = known;
        private readonly Span<ulong> _possible = possible;

        public readonly void Add(int term) => _terms[term] = true;

        /// <summary>Keeps of <paramref name="chosen"/> (lemmas of <paramref name="set"/>) those that can match in this text.</summary>
        public readonly void KeepPossible(LemmasStartingWith set, Span<ulong> chosen)
        {
            var known = _known.Slice(set.MaskOffset, set.Words);
            var possible = _possible.Slice(set.MaskOffset, set.Words);
            for (var w = 0; w < chosen.Length; w++)
            {
                // Each lemma is looked at once per text, the first time it is a candidate.
                for (var unknown = chosen[w] & ~known[w]; unknown != 0; unknown &= unknown - 1)
                {
                    var k = BitOperations.TrailingZeroCount(unknown);
                    if (AllLaterWordsPresent(set.Lemmas[(w << 6) + k])) possible[w] |= 1UL << k;
                }
                known[w] |= chosen[w];
                chosen[w] &= possible[w];
            }
        }

        private readonly bool AllLaterWordsPresent(CompiledLemma lemma)
        {
            for (var s = 1; s < lemma.Steps.Length; s++)
            {
                var any = false;
                foreach (var id in lemma.Steps[s]) any |= _terms[id];
                if (!any) return false;
            }
            return true;
        }
    }

    /// <summary>
    /// The lemmas starting at word <paramref name="i"/>, tried in rule order. With many of them, only those whose second
    /// word stands within reach are tried (a superset of those that match: each is still matched in full).
    /// </summary>
    private static void Match(ReadOnlySpan<TextToken> tokens, int i, LemmasStartingWith starting, bool fuzzy, bool inCompound,
        List<ConceptHit> hits, Span<ulong> candidates, ref WordsPresent present)
    {
        var chosen = candidates[..starting.Words];
        // One or two words a mask: plain loops, not a call to copy memory.
        if (starting.BySecondTerm is not { } bySecond)
        {
            var all = starting.All;
            for (var w = 0; w < chosen.Length; w++) chosen[w] = all[w];
        }
        else
        {
            var oneWord = starting.OneWord;
            for (var w = 0; w < chosen.Length; w++) chosen[w] = oneWord[w];
            var sentence = tokens[i].Sentence;
            for (var next = i + 1; next <= i + starting.Window && next < tokens.Length; next++)
            {
                ref readonly var word = ref tokens[next];
                if (word.Sentence != sentence || word.Quoted) break;
                if (word.Term == Vocabulary.Unknown || bySecond[word.Term] is not { } goOn) continue;
                for (var w = 0; w < chosen.Length; w++) chosen[w] |= goOn[w];
            }
        }
        present.KeepPossible(starting, chosen);
        var lemmas = starting.Lemmas;
        for (var w = 0; w < chosen.Length; w++)
        {
            for (var bits = chosen[w]; bits != 0; bits &= bits - 1) Match(tokens, i, lemmas[(w << 6) + BitOperations.TrailingZeroCount(bits)], fuzzy, inCompound, hits);
        }
    }

    /// <param name="from">Where the lemma's first step ends, if not at <paramref name="i"/>: a verb-first clause's last word.</param>
    private static void Match(ReadOnlySpan<TextToken> tokens, int i, CompiledLemma lemma, bool fuzzy, bool inCompound, List<ConceptHit> hits, int from = -1)
    {
        var sentence = tokens[i].Sentence;
        var (concept, steps, gaps) = lemma;
        // Alone, the marker is found at the condition's first word, as "hvis" would be.
        var at = from >= 0 && steps.Length > 1 ? from : i;
        var anyFuzzy = fuzzy;
        var matched = true;
        for (var s = 1; s < steps.Length && matched; s++)
        {
            matched = false;
            for (var next = at + 1; next <= at + 1 + gaps[s] && next < tokens.Length; next++)
            {
                ref readonly var word = ref tokens[next];
                if (word.Sentence != sentence || word.Quoted) break;
                if (!Fills(steps[s], word.Term)) continue;
                anyFuzzy |= word.Fuzzy;
                at = next;
                matched = true;
                break;
            }
        }
        if (!matched) return;
        if (hits.Count > 0 && hits[^1].Concept == concept && hits[^1].First == i && hits[^1].Last == at) return;
        hits.Add(new ConceptHit(concept, i, at, anyFuzzy, inCompound));
    }

    // A step holds one to a few ids: a plain loop beats Array.IndexOf's call for so few.
    private static bool Fills(int[] step, int term)
    {
        foreach (var id in step)
        {
            if (id == term) return true;
        }
        return false;
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
