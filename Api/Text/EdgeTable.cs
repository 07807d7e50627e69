namespace SmartPost.Api.Text;

/// <summary>
/// The transitions of <see cref="LemmaAutomaton"/>: which edges of a node a vocabulary id fills. One open-addressing
/// table keyed by (node, id) for the whole automaton, so a word within reach costs one multiply and, mostly, one probe,
/// whatever the node; a dense row per node would cost the vocabulary's size per node. Immutable.
/// </summary>
// A probe is mostly a cache miss (the table is far larger than the few words a letter reaches), so what a probe needs
// lies together: a slot holds its key and where its edges stand, and an edge its child and gap. Kept in five arrays, a
// filled edge cost five misses (BENCHMARKS.md, "Sixteenth session").
internal sealed class EdgeTable
{
    private readonly record struct Slot(int Key, int Start, int End);   // Key = node * vocabulary size + id; -1 = empty

    private readonly Slot[] _slots;
    private readonly LemmaAutomaton.EdgeTo[] _edges;   // grouped by (node, id), in the node's edge order
    private readonly int _vocabularySize, _shift;
    private readonly int _mask;

    /// <param name="edgesOf">Per node its edges: the ids that fill each, the node it leads to and the gap allowed before it.</param>
    public EdgeTable(List<List<(int[] Ids, LemmaAutomaton.EdgeTo Edge)>> edgesOf, int vocabularySize)
    {
        _vocabularySize = vocabularySize;
        var byKey = new Dictionary<int, List<LemmaAutomaton.EdgeTo>>();
        // A key is one int: nodes × vocabulary is a few million here; a set too large for that is refused at build.
        if ((long)edgesOf.Count * vocabularySize >= int.MaxValue) throw new InvalidOperationException("Too many lemma steps for one automaton.");
        for (var node = 0; node < edgesOf.Count; node++)
        {
            foreach (var (ids, edge) in edgesOf[node])
            {
                foreach (var id in ids)
                {
                    var key = node * vocabularySize + id;
                    if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                    list.Add(edge);
                }
            }
        }
        // At most a quarter full: a probe for a (node, id) that is no transition, the common case, ends at once.
        var bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, byKey.Count * 4 - 1)));
        _shift = 32 - bits;
        _mask = (1 << bits) - 1;
        _slots = new Slot[1 << bits];
        Array.Fill(_slots, new Slot(-1, 0, 0));
        var edges = new List<LemmaAutomaton.EdgeTo>();
        foreach (var (key, list) in byKey)
        {
            var slot = SlotOf(key);
            while (_slots[slot].Key != -1) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot(key, edges.Count, edges.Count + list.Count);
            edges.AddRange(list);
        }
        _edges = edges.ToArray();
    }

    /// <summary>The edges of <paramref name="node"/> that <paramref name="id"/> fills; often none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<LemmaAutomaton.EdgeTo> Filled(int node, int id)
    {
        var key = node * _vocabularySize + id;
        for (var slot = SlotOf(key); ; slot = (slot + 1) & _mask)
        {
            ref readonly var stored = ref _slots[slot];
            if (stored.Key == key) return _edges.AsSpan(stored.Start, stored.End - stored.Start);
            if (stored.Key == -1) return [];
        }
    }

    // Fibonacci hashing: the high bits of the product spread consecutive ids over the table.
    private int SlotOf(int key) => (int)(((uint)key * 0x9E3779B9U) >> _shift);
}
