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

    /// <summary>
    /// An edge of a node: the node it leads to and how many other words may come before its word. Every edge leads to
    /// a node of its own (the trees share steps only through a common parent), so the child also names the edge.
    /// </summary>
    internal readonly record struct EdgeTo(int Child, int Gap);

    /// <summary>What a walk reads of a node, together: one cache line per node reached rather than one per array.</summary>
    /// <param name="IdBits">Bit (id mod 64) set for each id that fills one of its edges.</param>
    /// <param name="Window">Its widest edge gap + 1; 0 for a leaf.</param>
    /// <param name="EndsStart">Its lemmas that end there: <see cref="_ends"/>[EndsStart..EndsEnd].</param>
    private readonly record struct Node(ulong IdBits, int Window, int EndsStart, int EndsEnd);

    private readonly int[] _rootOf;       // per vocabulary id: the tree of the lemmas it starts, or -1
    private readonly Node[] _nodes;
    private readonly (int Rule, int Concept)[] _ends;
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
        _nodes = new Node[windows.Count];
        for (int n = 0, endsStart = 0; n < _nodes.Length; endsStart += ends[n].Count, n++)
        {
            _nodes[n] = new Node(idBits[n], windows[n], endsStart, endsStart + ends[n].Count);
        }
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
    public (Found[] Found, (int Child, int At)[] Taken) Scratch()
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
    /// verb-first clause's last word, or <paramref name="first"/> itself), before <paramref name="sentenceEnd"/> (the
    /// first word after <paramref name="first"/>'s sentence).
    /// </summary>
    // Once per word that starts a lemma (≈ 535 in a two-page letter): inlined into ConceptSet.Find by request, with Ends, as
    // dynamic PGO inlines them; the published API runs without it (BENCHMARKS.md, "Fifteenth session: the engine as the API
    // runs it"). Walk is recursive and stays a call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Match(ReadOnlySpan<TextToken> tokens, int first, int from, int sentenceEnd, int root, bool fuzzy, Span<Found> found, Span<(int Child, int At)> taken)
    {
        var count = 0;
        // The first word alone: its one-word lemmas end where it stands.
        Ends(root, first, fuzzy, found, ref count);
        if (_nodes[root].Window > 0) Walk(tokens[..sentenceEnd], root, from, fuzzy, found, ref count, taken);
        return count;
    }

    /// <summary>The most edges taken at once on one path from a root: the room <see cref="Match"/> needs in its taken list.</summary>
    public int MostTaken { get; }

    /// <param name="tokens">The words up to the end of the starting word's sentence: a lemma never reaches past it.</param>
    /// <param name="taken">Room for the edges this node takes (each at its first filling word); the nodes below use what follows.</param>
    private void Walk(ReadOnlySpan<TextToken> tokens, int node, int at, bool fuzzy, Span<Found> found, ref int count, Span<(int Child, int At)> taken)
    {
        var takenCount = 0;
        var (idBits, window, _, _) = _nodes[node];
        var last = Math.Min(at + window, tokens.Length - 1);
        // Most words within reach fill none of the node's edges: one bit test passes them over. The loop carries nothing
        // else, so without PGO's register allocation it still keeps its few values in registers (with the edge probe in
        // the loop the JIT spilled the index and the bits to the stack on every word; BENCHMARKS.md, "Sixteenth session").
        // Quoted words need no test of their own: quoted text always stands in sentences of its own
        // (DocumentReader.Separate), and a lemma starts at a word of the writer's own.
        for (var next = at + 1; next <= last; next++)
        {
            var term = tokens[next].Term;
            if ((idBits >> term & 1) != 0 && term != Vocabulary.Unknown) takenCount = Take(node, term, next, next - at - 1, taken, takenCount);
        }
        var below = taken[takenCount..];
        for (var t = 0; t < takenCount; t++)
        {
            var (child, position) = taken[t];
            var childFuzzy = fuzzy | tokens[position].Fuzzy;
            Ends(child, position, childFuzzy, found, ref count);
            if (_nodes[child].Window > 0) Walk(tokens, child, position, childFuzzy, found, ref count, below);
        }
    }

    /// <summary>
    /// The edges of <paramref name="node"/> that word <paramref name="at"/> (id <paramref name="term"/>, <paramref name="between"/>
    /// words after the node's word) fills and that are not taken yet, taken there; returns the new count of taken edges.
    /// </summary>
    // Left to the JIT: without PGO it stays a call (a loop, not small), which keeps Walk's loop in registers; dynamic PGO
    // inlines it where it pays (forced out of line it cost ≈ 0.5 µs of a letter with PGO; BENCHMARKS.md, "Sixteenth session").
    private int Take(int node, int term, int at, int between, Span<(int Child, int At)> taken, int takenCount)
    {
        foreach (var (child, gap) in _edges.Filled(node, term))
        {
            if (between > gap || IsTaken(taken[..takenCount], child)) continue;
            taken[takenCount++] = (child, at);
        }
        return takenCount;
    }

    private static bool IsTaken(ReadOnlySpan<(int Child, int At)> taken, int child)
    {
        foreach (var (c, _) in taken)
        {
            if (c == child) return true;
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Ends(int node, int last, bool fuzzy, Span<Found> found, ref int count)
    {
        ref readonly var n = ref _nodes[node];
        for (var k = n.EndsStart; k < n.EndsEnd; k++)
        {
            var (rule, concept) = _ends[k];
            found[count++] = new Found { Rule = rule, Concept = concept, Last = last, Fuzzy = fuzzy };
        }
    }
}
