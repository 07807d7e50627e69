using System.Collections.Concurrent;

namespace SmartPost.Api.Text;

/// <summary>
/// The folded stems the rules know, each with a number. A word of a text finds its stem exactly or, misspelt, within
/// <see cref="SpellingTolerance"/>: every stem's deletion variants (one letter left out; two for long stems) are indexed,
/// so a word needs only its own deletion variants looked up, then the distance is checked (the symmetric-delete method).
/// Immutable after construction; thread-safe.
/// </summary>
public sealed class Vocabulary
{
    public const int Unknown = -1;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private readonly Dictionary<string, List<(int Id, string Key)>> _deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Id, string Key)>>.AlternateLookup<ReadOnlySpan<char>> _deletionLookup;
    private readonly List<string> _stems = [];
    private readonly HashSet<int> _exactOnly = [];

    /// <param name="stems">Folded stems (as <see cref="DanishAnalyzer"/> produces them).</param>
    /// <param name="exactOnly">Stems that must not be reached by a misspelling (they are real words of their own).</param>
    /// <param name="aliases">Unstemmed folded forms of a stem ("aktindsigt" for "aktinds"): a misspelt word is often
    /// stemmed differently ("aktindsit"), so it is also compared with the whole lemma.</param>
    /// <param name="surfaces">"=word" lemmas: the folded word form gets its own id, and a word of the text with that form
    /// takes it instead of its stem's ("tidligere" stems to "tid", but "=tidligere" is not the lemma "tid").</param>
    public Vocabulary(IEnumerable<string> stems, IEnumerable<string>? exactOnly = null, IEnumerable<(string Alias, string Stem)>? aliases = null,
        IEnumerable<(string Surface, string Stem)>? surfaces = null)
    {
        var exact = exactOnly?.ToHashSet(StringComparer.Ordinal) ?? [];
        var surfaceList = surfaces?.ToList() ?? [];
        stems = stems.Concat(surfaceList.Select(s => s.Stem)).Concat(surfaceList.Select(s => SurfaceKey(s.Surface)));
        foreach (var (_, stem) in surfaceList) exact.Add(stem);
        foreach (var (surface, _) in surfaceList) exact.Add(SurfaceKey(surface));
        foreach (var stem in stems)
        {
            if (stem.Length == 0 || _ids.ContainsKey(stem)) continue;
            var id = _stems.Count;
            _ids[stem] = id;
            _stems.Add(stem);
            if (exact.Contains(stem)) _exactOnly.Add(id);
        }
        foreach (var (alias, stem) in aliases ?? [])
        {
            _forms.Add(alias);
            if (_ids.TryGetValue(stem, out var id) && !_ids.ContainsKey(alias)) _ids[alias] = id;
        }
        foreach (var (stem, id) in _ids)
        {
            if (_exactOnly.Contains(id) || SpellingTolerance.MaxEditsForUnknownWord(stem.Length) == 0) continue;
            IndexDeletions(stem, id, SpellingTolerance.MaxEditsForUnknownWord(stem.Length));
        }
        _hasSurfaces = new bool[_stems.Count];
        foreach (var (surface, stem) in surfaceList)
        {
            _hasSurfaces[_ids[stem]] = true;
            _surfaceIds[surface] = _ids[SurfaceKey(surface)];
        }
        _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _deletionLookup = _deletions.GetAlternateLookup<ReadOnlySpan<char>>();
        _surfaceLookup = _surfaceIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly bool[] _hasSurfaces;
    private readonly Dictionary<string, int> _surfaceIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _surfaceLookup;

    /// <summary>How an "=word" lemma is keyed in the vocabulary.</summary>
    public static string SurfaceKey(string foldedWord) => "=" + foldedWord;

    /// <summary>Some "=word" lemma has this stem: the word's own form must be checked.</summary>
    public bool HasSurfaces(int id) => id >= 0 && _hasSurfaces[id];

    /// <summary>The id of an "=word" lemma with exactly this folded form, or <see cref="Unknown"/>.</summary>
    public int Surface(ReadOnlySpan<char> foldedWord) => _surfaceLookup.TryGetValue(foldedWord, out var id) ? id : Unknown;

    public int Count => _stems.Count;

    /// <summary>The whole folded words of the rules' one-word lemmas ("aktindsigt" for the stem "aktinds").</summary>
    public IReadOnlyList<string> Forms => _forms;

    private readonly List<string> _forms = [];

    public string this[int id] => _stems[id];

    /// <summary>The id of a stem written exactly as given, or <see cref="Unknown"/>.</summary>
    public int Exact(ReadOnlySpan<char> stem) => _idLookup.TryGetValue(stem, out var id) ? id : Unknown;

    /// <summary>The id of the stem, exactly or within the spelling tolerance; <paramref name="fuzzy"/> says which.</summary>
    public int Find(ReadOnlySpan<char> word, out bool fuzzy)
    {
        fuzzy = false;
        if (_idLookup.TryGetValue(word, out var id)) return id;
        // At four letters one edit turns "over" into "overs(igt)" and "læge" into "læng(ere)".
        if (word.Length < 5 || word.Length > 40) return Unknown;
        // The tolerant search looks up every deletion variant of the word; most words of a letter are ordinary Danish
        // the rules do not know, and they recur from letter to letter, so each word's answer is remembered.
        if (_fuzzyLookup.TryGetValue(word, out var known))
        {
            fuzzy = known.Fuzzy;
            return known.Id;
        }
        id = FindTolerant(word, out fuzzy);
        if (_fuzzy.Count < MaxRemembered) _fuzzy.TryAdd(word.ToString(), (id, fuzzy));
        return id;
    }

    /// <summary>Bounds the memory of <see cref="Find"/>'s answers (a word and two numbers each; ~5 MB when full).</summary>
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, (int Id, bool Fuzzy)> _fuzzy = new(StringComparer.Ordinal);

    private ConcurrentDictionary<string, (int Id, bool Fuzzy)>.AlternateLookup<ReadOnlySpan<char>> _fuzzyLookup =>
        _fuzzy.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The lemma within the wider tolerance for words no dictionary knows (<see cref="SpellingTolerance.MaxEditsForUnknownWord"/>),
    /// or <see cref="Unknown"/>. The caller asks the dictionary only when this finds one, so ordinary words cost no look-up there.
    /// </summary>
    public int FindLoosely(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word.Length > 40) return Unknown;
        if (_looseLookup.TryGetValue(word, out var known)) return known;
        var id = FindTolerant(word, out _, loosely: true);
        if (_loose.Count < MaxRemembered) _loose.TryAdd(word.ToString(), id);
        return id;
    }

    private readonly ConcurrentDictionary<string, int> _loose = new(StringComparer.Ordinal);

    private ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _looseLookup => _loose.GetAlternateLookup<ReadOnlySpan<char>>();

    private int FindTolerant(ReadOnlySpan<char> word, out bool fuzzy, bool loosely = false)
    {
        fuzzy = true;
        var best = Unknown;
        var bestDistance = int.MaxValue;
        Consider(word, word, ref best, ref bestDistance, loosely);
        Span<char> variant = stackalloc char[word.Length];
        Span<char> twice = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            Delete(word, i, variant);
            var once = variant[..(word.Length - 1)];
            Consider(word, once, ref best, ref bestDistance, loosely);
            if (_deletionLookup.TryGetValue(once, out var inserted))
            {
                foreach (var (candidate, key) in inserted)
                {
                    if (key.Length == once.Length) Offer(word, candidate, key, ref best, ref bestDistance, loosely);
                }
            }
            if (word.Length < (loosely ? 7 : 8)) continue;
            for (var j = i; j < once.Length; j++)
            {
                Delete(once, j, twice);
                Consider(word, twice[..(once.Length - 1)], ref best, ref bestDistance, loosely);
            }
        }
        if (best == Unknown) fuzzy = false;
        return best;
    }

    private void Consider(ReadOnlySpan<char> word, ReadOnlySpan<char> variant, ref int best, ref int bestDistance, bool loosely)
    {
        if (!_deletionLookup.TryGetValue(variant, out var candidates)) return;
        foreach (var (candidate, key) in candidates) Offer(word, candidate, key, ref best, ref bestDistance, loosely);
    }

    private void Offer(ReadOnlySpan<char> word, int candidate, string key, ref int best, ref int bestDistance, bool loosely)
    {
        if (_exactOnly.Contains(candidate) || key[0] != word[0]) return;
        var max = loosely ? SpellingTolerance.MaxEditsForUnknownWord(key.Length) : SpellingTolerance.MaxEdits(key.Length);
        var distance = SpellingTolerance.Distance(word, key, max);
        if (distance <= max && (distance < bestDistance || (distance == bestDistance && candidate < best)))
        {
            best = candidate;
            bestDistance = distance;
        }
    }

    private void IndexDeletions(string stem, int id, int depth)
    {
        Add(stem, id, stem);
        var seen = new HashSet<string>(StringComparer.Ordinal) { stem };
        var level = new List<string> { stem };
        for (var d = 0; d < depth; d++)
        {
            var next = new List<string>();
            foreach (var word in level)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    var deleted = word.Remove(i, 1);
                    if (!seen.Add(deleted)) continue;
                    Add(deleted, id, stem);
                    next.Add(deleted);
                }
            }
            level = next;
        }
    }

    private void Add(string variant, int id, string key)
    {
        if (!_deletions.TryGetValue(variant, out var ids)) _deletions[variant] = ids = [];
        if (!ids.Contains((id, key))) ids.Add((id, key));
    }

    private static void Delete(ReadOnlySpan<char> word, int index, Span<char> into)
    {
        word[..index].CopyTo(into);
        word[(index + 1)..].CopyTo(into[index..]);
    }
}
