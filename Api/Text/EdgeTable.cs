namespace SmartPost.Api.Text;

/// <summary>
/// The transitions of <see cref="LemmaAutomaton"/>: which edges of a node a vocabulary id fills. One open-addressing
/// table keyed by (node, id) for the whole automaton, so a word within reach costs one multiply and, mostly, one probe,
/// whatever the node; a dense row per node would cost the vocabulary's size per node. Immutable.
/// </summary>
internal sealed class EdgeTable
{
    private readonly int[] _keys;         // node * vocabulary size + id; -1 = empty slot
    private readonly int[] _lists;        // per slot: where its edges start in _edgeLists, and (next slot's) end
    private readonly int[] _listEnds;
    private readonly int[] _edgeLists;    // edge numbers, grouped by (node, id)
    private readonly int[] _children, _gaps, _nodeEdges;
    private readonly int _vocabularySize, _shift;
    private readonly int _mask;

    /// <param name="edgesOf">Per node its edges: the ids that fill each, the node it leads to and the gap allowed before it.</param>
    public EdgeTable(List<List<(int[] Ids, LemmaAutomaton.EdgeTo Edge)>> edgesOf, int vocabularySize)
    {
        _vocabularySize = vocabularySize;
        var children = new List<int>();
        var gaps = new List<int>();
        var byKey = new Dictionary<int, List<int>>();
        // A key is one int: nodes × vocabulary is a few million here; a set too large for that is refused at build.
        if ((long)edgesOf.Count * vocabularySize >= int.MaxValue) throw new InvalidOperationException("Too many lemma steps for one automaton.");
        _nodeEdges = new int[edgesOf.Count];
        for (var node = 0; node < edgesOf.Count; node++)
        {
            _nodeEdges[node] = edgesOf[node].Count;
            foreach (var (ids, edge) in edgesOf[node])
            {
                var number = children.Count;
                children.Add(edge.Child);
                gaps.Add(edge.Gap);
                foreach (var id in ids)
                {
                    var key = node * vocabularySize + id;
                    if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                    list.Add(number);
                }
            }
        }
        _children = children.ToArray();
        _gaps = gaps.ToArray();
        // At most a quarter full: a probe for a (node, id) that is no transition, the common case, ends at once.
        var bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, byKey.Count * 4 - 1)));
        _shift = 32 - bits;
        _mask = (1 << bits) - 1;
        _keys = new int[1 << bits];
        Array.Fill(_keys, -1);
        _lists = new int[1 << bits];
        _listEnds = new int[1 << bits];
        var edgeLists = new List<int>();
        foreach (var (key, list) in byKey)
        {
            var slot = Slot(key);
            while (_keys[slot] != -1) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _lists[slot] = edgeLists.Count;
            edgeLists.AddRange(list);
            _listEnds[slot] = edgeLists.Count;
        }
        _edgeLists = edgeLists.ToArray();
    }

    public int EdgeCount(int node) => _nodeEdges[node];

    public int Child(int edge) => _children[edge];

    public int Gap(int edge) => _gaps[edge];

    /// <summary>Where the edges of <paramref name="node"/> that <paramref name="id"/> fills stand (<see cref="EdgeAt"/>); often none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public (int Start, int End) Filled(int node, int id)
    {
        var key = node * _vocabularySize + id;
        for (var slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            var stored = _keys[slot];
            if (stored == key) return (_lists[slot], _listEnds[slot]);
            if (stored == -1) return (0, 0);
        }
    }

    public int EdgeAt(int k) => _edgeLists[k];

    // Fibonacci hashing: the high bits of the product spread consecutive ids over the table.
    private int Slot(int key) => (int)(((uint)key * 0x9E3779B9U) >> _shift);
}
