namespace SmartPost.Api.Text;

/// <summary>
/// A <see cref="ConceptSet"/>'s lemmas compiled into one automaton over vocabulary ids: per first word a tree whose
/// edges are a later word (the ids that fill it) with the gap allowed before it, so lemmas that begin alike ("vi har
/// modtaget", "vi har afgjort", "vi har ..2 sendt") share their first steps. Matching from a word walks its tree once:
/// at a node the words within reach of its widest gap are read once, and each word's (node, id) pair is one table
/// probe that names the edges it fills. Each edge is taken at its first filling word, as a lemma's step always was
/// (greedy, no backtracking), so a lemma is found exactly where trying it alone finds it. Immutable; thread-safe.
/// </summary>
internal sealed class LemmaAutomaton
{
    /// <summary>A lemma of one first word, as <see cref="ConceptSet"/> compiles it: its steps' ids and the gap before each.</summary>
    internal readonly record struct Lemma(int Concept, int[][] Steps, int[] Gaps);

    /// <summary>A lemma found from one start: its place among its first word's lemmas (rule order) and where it ends.</summary>
    internal struct Found
    {
        public int Rule, Concept, Last;
        public bool Fuzzy;
    }

    /// <summary>An edge of a node: the node it leads to and how many other words may come before its word.</summary>
    internal readonly record struct EdgeTo(int Child, int Gap);

    private readonly int[] _rootOf;       // per vocabulary id: the tree of the lemmas it starts, or -1
    private readonly int[] _window;       // per node: its widest edge gap + 1; 0 for a leaf
    private readonly int[] _endsStart;    // per node (and one past the last): its lemmas that end there, in _ends
    private readonly (int Rule, int Concept)[] _ends;
    private readonly ulong[] _idBits;     // per node: bit (id mod 64) set for each id that fills one of its edges
    private readonly EdgeTable _edges;

    /// <summary>The most lemmas one first word starts: room enough for every hit from one start.</summary>
    public int MostLemmas { get; }

    /// <param name="byFirstTerm">Per vocabulary id the lemmas it starts, in rule order; null for none.</param>
    public LemmaAutomaton(List<Lemma>?[] byFirstTerm)
    {
        var vocabularySize = byFirstTerm.Length;
        _rootOf = new int[vocabularySize];
        var windows = new List<int>();
        var idBits = new List<ulong>();
        var ends = new List<List<(int, int)>>();
        // (node, sorted ids, gap) → child: lemmas with the same step after the same steps share a node.
        var children = new Dictionary<(int Node, string Ids, int Gap), int>();
        var edgesOf = new List<List<(int[] Ids, EdgeTo Edge)>>();
        int NewNode()
        {
            windows.Add(0);
            idBits.Add(0);
            ends.Add([]);
            edgesOf.Add([]);
            return windows.Count - 1;
        }
        for (var term = 0; term < vocabularySize; term++)
        {
            _rootOf[term] = -1;
            if (byFirstTerm[term] is not { } lemmas) continue;
            var root = _rootOf[term] = NewNode();
            MostLemmas = Math.Max(MostLemmas, lemmas.Count);
            for (var rule = 0; rule < lemmas.Count; rule++)
            {
                var (concept, steps, gaps) = lemmas[rule];
                var node = root;
                for (var s = 1; s < steps.Length; s++)
                {
                    var ids = steps[s].Order().ToArray();
                    var key = (node, string.Join(',', ids), gaps[s]);
                    if (!children.TryGetValue(key, out var child))
                    {
                        child = children[key] = NewNode();
                        edgesOf[node].Add((ids, new EdgeTo(child, gaps[s])));
                        windows[node] = Math.Max(windows[node], gaps[s] + 1);
                        foreach (var id in ids) idBits[node] |= 1UL << (id & 63);
                    }
                    node = child;
                }
                ends[node].Add((rule, concept));
            }
        }
        _window = windows.ToArray();
        _idBits = idBits.ToArray();
        _endsStart = new int[ends.Count + 1];
        for (var n = 0; n < ends.Count; n++) _endsStart[n + 1] = _endsStart[n] + ends[n].Count;
        _ends = ends.SelectMany(e => e).ToArray();
        _edges = new EdgeTable(edgesOf, vocabularySize);
        int Need(int node) => edgesOf[node].Count + edgesOf[node].Select(e => Need(e.Edge.Child)).DefaultIfEmpty(0).Max();
        MostTaken = _rootOf.Where(r => r >= 0).Select(Need).DefaultIfEmpty(0).Max();
    }

    [ThreadStatic] private static Found[]? t_found;
    [ThreadStatic] private static (int, int)[]? t_taken;

    /// <summary>
    /// The thread's room for one start's found lemmas and taken edges, large enough for this automaton: lent per thread
    /// (a text is matched on one thread, start after start) rather than cleared on the stack for every text.
    /// </summary>
    public (Found[] Found, (int Edge, int At)[] Taken) Scratch()
    {
        if (t_found is null || t_found.Length < MostLemmas) t_found = new Found[MostLemmas];
        if (t_taken is null || t_taken.Length < MostTaken) t_taken = new (int, int)[MostTaken];
        return (t_found, t_taken);
    }

    /// <summary>The tree of lemmas that <paramref name="term"/> starts, or -1.</summary>
    public int RootOf(int term) => _rootOf[term];

    /// <summary>
    /// Every lemma of tree <paramref name="root"/> found from word <paramref name="first"/>, into <paramref name="found"/>
    /// (in no particular order; returns how many). The later words are looked for after <paramref name="from"/> (a
    /// verb-first clause's last word, or <paramref name="first"/> itself), within <paramref name="first"/>'s sentence.
    /// </summary>
    // Once per word that starts a lemma (≈ 535 in a two-page letter): inlined into ConceptSet.Find by request, with Ends, as
    // dynamic PGO inlines them; the published API runs without it (BENCHMARKS.md, "Fifteenth session: the engine as the API
    // runs it"). Walk is recursive and stays a call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Match(ReadOnlySpan<TextToken> tokens, int first, int from, int root, bool fuzzy, Span<Found> found, Span<(int Edge, int At)> taken)
    {
        var count = 0;
        // The first word alone: its one-word lemmas end where it stands.
        Ends(root, first, fuzzy, found, ref count);
        if (_window[root] > 0) Walk(tokens, tokens[first].Sentence, root, from, fuzzy, found, ref count, taken);
        return count;
    }

    /// <summary>The most edges taken at once on one path from a root: the room <see cref="Match"/> needs in its taken list.</summary>
    public int MostTaken { get; }

    /// <param name="taken">Room for the edges this node takes (each at its first filling word); the nodes below use what follows.</param>
    private void Walk(ReadOnlySpan<TextToken> tokens, int sentence, int node, int at, bool fuzzy, Span<Found> found, ref int count, Span<(int Edge, int At)> taken)
    {
        var takenCount = 0;
        var idBits = _idBits[node];
        var last = Math.Min(at + _window[node], tokens.Length - 1);
        for (var next = at + 1; next <= last; next++)
        {
            ref readonly var word = ref tokens[next];
            // Most words within reach fill none of the node's edges: one bit test passes them over, before anything else
            // is read. One past the sentence's end is passed over too, harmlessly: a word that passes the test ends the
            // search if it stands in another sentence. (Quoted words need no test of their own: quoted text always stands
            // in sentences of its own, DocumentReader.Separate, and a lemma starts at a word of the writer's own.)
            if ((idBits >> word.Term & 1) == 0) continue;
            if (word.Sentence != sentence) break;
            if (word.Term == Vocabulary.Unknown) continue;
            var (start, end) = _edges.Filled(node, word.Term);
            for (var k = start; k < end; k++)
            {
                var e = _edges.EdgeAt(k);
                if (next - at - 1 > _edges.Gap(e) || IsTaken(taken[..takenCount], e)) continue;
                taken[takenCount++] = (e, next);
            }
        }
        var below = taken[takenCount..];
        for (var t = 0; t < takenCount; t++)
        {
            var (e, position) = taken[t];
            var child = _edges.Child(e);
            var childFuzzy = fuzzy | tokens[position].Fuzzy;
            Ends(child, position, childFuzzy, found, ref count);
            if (_window[child] > 0) Walk(tokens, sentence, child, position, childFuzzy, found, ref count, below);
        }
    }

    private static bool IsTaken(ReadOnlySpan<(int Edge, int At)> taken, int edge)
    {
        foreach (var (e, _) in taken)
        {
            if (e == edge) return true;
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Ends(int node, int last, bool fuzzy, Span<Found> found, ref int count)
    {
        for (var k = _endsStart[node]; k < _endsStart[node + 1]; k++)
        {
            var (rule, concept) = _ends[k];
            found[count++] = new Found { Rule = rule, Concept = concept, Last = last, Fuzzy = fuzzy };
        }
    }
}
