namespace SmartPost.Api.Guidance;

/// <summary>
/// Every folded word and prefix the rules mention, compiled once at start-up into a letter tree (trie), so a word of a
/// letter is looked up by walking its folded characters: no string per word, and most words stop after 1–3 letters.
/// A walk ends in a <em>word class</em>: the set of rule words the letter word equals or starts with (-1: none).
/// Phrase words and the negation lists are then sets of classes (<see cref="WordSet"/>), tested with one bit.
/// </summary>
internal sealed class WordLexicon
{
    public const int NoClass = -1;

    private readonly int[] _rootAscii = new int[128];
    private readonly int[] _firstChild;
    private readonly int[] _childCount;
    private readonly char[] _childChar;
    private readonly int[] _childNode;
    private readonly int[] _classWhenStopped; // class of a longer word whose walk stops at this node
    private readonly int[] _classWhenComplete; // class of a word that ends exactly at this node
    private readonly List<int[]> _classTerms = new();
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal); // "=word" / "*prefix" → term id

    /// <summary>Builds the tree over the folded exact words and prefixes (prefix: any word starting with it).</summary>
    public WordLexicon(IEnumerable<string> exactWords, IEnumerable<string> prefixes)
    {
        var nodes = new List<SortedDictionary<char, int>> { new() };
        var exactAt = new List<int> { -1 };
        var prefixAt = new List<int> { -1 };
        void Add(string word, bool prefix)
        {
            if (!_terms.TryAdd((prefix ? "*" : "=") + word, _terms.Count)) return;
            var node = 0;
            foreach (var c in word)
            {
                if (!nodes[node].TryGetValue(c, out var next))
                {
                    next = nodes.Count;
                    nodes[node][c] = next;
                    nodes.Add(new());
                    exactAt.Add(-1);
                    prefixAt.Add(-1);
                }
                node = next;
            }
            (prefix ? prefixAt : exactAt)[node] = _terms.Count - 1;
        }
        foreach (var w in exactWords) Add(w, prefix: false);
        foreach (var p in prefixes) Add(p, prefix: true);

        _firstChild = new int[nodes.Count];
        _childCount = new int[nodes.Count];
        _childChar = new char[nodes.Count];
        _childNode = new int[nodes.Count];
        _classWhenStopped = new int[nodes.Count];
        _classWhenComplete = new int[nodes.Count];
        Array.Fill(_rootAscii, -1);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var edge = 0;
        var stack = new Stack<(int Node, int[] PathPrefixes)>([(0, [])]);
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (prefixAt[node] >= 0) path = [.. path, prefixAt[node]];
            _classWhenStopped[node] = ClassOf(path, classes);
            _classWhenComplete[node] = ClassOf(exactAt[node] >= 0 ? [.. path, exactAt[node]] : path, classes);
            _firstChild[node] = edge;
            _childCount[node] = nodes[node].Count;
            foreach (var (c, child) in nodes[node])
            {
                _childChar[edge] = c;
                _childNode[edge++] = child;
                if (node == 0 && c < 128) _rootAscii[c] = child;
                stack.Push((child, path));
            }
        }
    }

    /// <summary>How many word classes there are (for sizing <see cref="WordSet"/>s).</summary>
    public int ClassCount => _classTerms.Count;

    /// <summary>The word class of a folded letter word: which rule words it equals or starts with.</summary>
    public int Classify(ReadOnlySpan<char> folded)
    {
        var node = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var next = Child(node, folded[i]);
            if (next < 0) return _classWhenStopped[node];
            node = next;
        }
        return _classWhenComplete[node];
    }

    /// <summary>The classes whose letter words match any of these folded words exactly or any of these prefixes.</summary>
    public WordSet SetOf(IEnumerable<string> exactWords, IEnumerable<string> prefixes)
    {
        var terms = new HashSet<int>();
        foreach (var w in exactWords) terms.Add(_terms.TryGetValue("=" + w, out var t) ? t : throw Missing(w));
        foreach (var p in prefixes) terms.Add(_terms.TryGetValue("*" + p, out var t) ? t : throw Missing(p + "*"));
        var set = new WordSet(ClassCount);
        for (var c = 0; c < ClassCount; c++)
        {
            if (_classTerms[c].Any(terms.Contains)) set.Add(c);
        }
        return set;
    }

    private int Child(int node, char c)
    {
        if (node == 0 && c < 128) return _rootAscii[c];
        var end = _firstChild[node] + _childCount[node];
        for (var e = _firstChild[node]; e < end; e++)
        {
            if (_childChar[e] == c) return _childNode[e];
            if (_childChar[e] > c) break; // children are sorted
        }
        return -1;
    }

    private int ClassOf(int[] terms, Dictionary<string, int> classes)
    {
        if (terms.Length == 0) return NoClass;
        var key = string.Join(',', terms.Order());
        if (classes.TryGetValue(key, out var id)) return id;
        classes[key] = _classTerms.Count;
        _classTerms.Add(terms);
        return _classTerms.Count - 1;
    }

    private static InvalidOperationException Missing(string word) => new($"'{word}' was not compiled into the word lexicon");
}

/// <summary>A set of word classes (<see cref="WordLexicon"/>): one bit per class.</summary>
internal readonly struct WordSet(int classCount)
{
    private readonly ulong[] _bits = new ulong[(classCount + 63) / 64];

    public void Add(int wordClass) => _bits[wordClass >> 6] |= 1UL << (wordClass & 63);

    /// <summary>False for <see cref="WordLexicon.NoClass"/>: a word no rule mentions matches nothing.</summary>
    public bool Contains(int wordClass) => wordClass >= 0 && (_bits[wordClass >> 6] & (1UL << (wordClass & 63))) != 0;
}
