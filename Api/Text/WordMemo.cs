using System.Runtime.CompilerServices;

namespace SmartPost.Api.Text;

/// <summary>What the analysis chain made of one word of an original text, as <see cref="WordMemo"/> remembers it.</summary>
/// <param name="Surface">The word exactly as it stood in the text (case, hyphens and a joined line break included).</param>
/// <param name="Stem">The folded stem the chain produced.</param>
/// <param name="Parts">Vocabulary ids of the compound's known parts, in the chain's order (empty for a simple word).</param>
/// <param name="StartsClause">The word opens a clause ("men", "fordi").</param>
/// <param name="Shape">What the verb-first condition test asks of it (<see cref="VerbFirstCondition.ShapeOf"/>).</param>
internal sealed record AnalyzedWord(string Surface, uint Hash, string Stem, int Term, bool Fuzzy, bool StartsClause, int[] Parts, WordShape Shape);

/// <summary>
/// Remembers each word's analysis, keyed by the word as written, so the Lucene chain runs once per distinct word rather
/// than once per occurrence. Bounded: when <see cref="MaxWords"/> words are known it forgets them all and learns anew
/// (the next texts' words are a cache miss each, then fast again), which keeps memory flat without bookkeeping per hit.
/// Reads take no lock: a slot is written once with an immutable entry and never cleared (forgetting swaps the whole
/// table), so a reader sees either nothing or a whole entry. Writers take a lock.
/// </summary>
internal sealed class WordMemo
{
    /// <summary>Distinct written words remembered at most (~15 MB when full); a year of letters uses fewer.</summary>
    public const int MaxWords = 100_000;

    private const int InitialSlots = 1 << 12;
    private readonly Lock _gate = new();
    private AnalyzedWord?[] _slots = new AnalyzedWord?[InitialSlots];
    private int _count;

    /// <summary>Per-process start of the hash, so text written to collide in one process does not collide in another.</summary>
    public static readonly uint Seed = 2166136261u ^ (uint)Random.Shared.Next();

    /// <summary>One FNV-1a step; the scanner folds each character in as it reads the word.</summary>
    public static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;

    public static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        foreach (var c in word) hash = Step(hash, c);
        return hash;
    }

    public int Count => Volatile.Read(ref _count);

    // Once per word of every text read: inlined by request, as PGO would (see WordScanner.Next).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AnalyzedWord? Get(ReadOnlySpan<char> surface, uint hash)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = Slot(hash, mask); ; i = (i + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[i]);
            if (entry is null) return null;
            if (entry.Hash == hash && surface.SequenceEqual(entry.Surface)) return entry;
        }
    }

    public void Add(AnalyzedWord word)
    {
        lock (_gate)
        {
            if (_count >= MaxWords)
            {
                Volatile.Write(ref _slots, new AnalyzedWord?[InitialSlots]);
                _count = 0;
            }
            else if (2 * (_count + 1) > _slots.Length)
            {
                var grown = new AnalyzedWord?[_slots.Length * 2];
                foreach (var entry in _slots)
                {
                    if (entry is not null) Insert(grown, entry);
                }
                Volatile.Write(ref _slots, grown);
            }
            if (Insert(_slots, word)) _count++;
        }
    }

    private static bool Insert(AnalyzedWord?[] slots, AnalyzedWord word)
    {
        var mask = slots.Length - 1;
        for (var i = Slot(word.Hash, mask); ; i = (i + 1) & mask)
        {
            var entry = slots[i];
            if (entry is null)
            {
                Volatile.Write(ref slots[i], word);
                return true;
            }
            if (entry.Hash == word.Hash && entry.Surface == word.Surface) return false;
        }
    }

    // FNV's low bits mix poorly; fold the high bits in before masking.
    private static int Slot(uint hash, int mask) => (int)((hash ^ (hash >> 15)) & (uint)mask);
}
