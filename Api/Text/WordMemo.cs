using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private static readonly ulong Seed = 0xCBF29CE484222325UL ^ (ulong)Random.Shared.NextInt64();

    /// <summary>
    /// The word's hash: four characters per multiply, computed once the scanner has found where the word ends. A
    /// multiply per character (FNV-1a) chained every character of a letter's words through one register: ≈ 4 cycles a
    /// character on the reading loop's critical path, ≈ 5 µs of a two-page letter without dynamic PGO.
    /// </summary>
    // Once per word: inlined into the scanner by request; as a call it was ≈ 5 % of a suggestion's samples without PGO.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<char> word)
    {
        const ulong Prime = 0x100000001B3UL;
        var bytes = MemoryMarshal.AsBytes(word);
        var hash = Seed ^ (ulong)word.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ MemoryMarshal.Read<ulong>(bytes)) * Prime;
            bytes = bytes[8..];
        }
        if (bytes.Length >= 4)
        {
            hash = (hash ^ MemoryMarshal.Read<uint>(bytes)) * Prime;
            bytes = bytes[4..];
        }
        if (bytes.Length >= 2) hash = (hash ^ MemoryMarshal.Read<ushort>(bytes)) * Prime;
        // A multiply carries a bit only upwards: fold the high half down, so every character reaches the slot bits.
        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        return (uint)(hash ^ (hash >> 32));
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
            if (entry.Hash == hash && SameWord(surface, entry.Surface)) return entry;
        }
    }

    /// <summary>
    /// The same characters: most words are 2–8 characters, compared here in one or two reads each way; the call to the
    /// general comparison was ≈ 2 µs of a two-page letter's 725 words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameWord(ReadOnlySpan<char> surface, string known)
    {
        if (surface.Length != known.Length) return false;
        var a = MemoryMarshal.AsBytes(surface);
        var b = MemoryMarshal.AsBytes(known.AsSpan());
        switch (a.Length)
        {
            case > 16:
                return a.SequenceEqual(b);
            case >= 8: // 4–8 characters: the first four and the last four (overlapping)
                return MemoryMarshal.Read<ulong>(a) == MemoryMarshal.Read<ulong>(b)
                    && MemoryMarshal.Read<ulong>(a[^8..]) == MemoryMarshal.Read<ulong>(b[^8..]);
            case >= 4: // 2–3 characters
                return MemoryMarshal.Read<uint>(a) == MemoryMarshal.Read<uint>(b)
                    && MemoryMarshal.Read<uint>(a[^4..]) == MemoryMarshal.Read<uint>(b[^4..]);
            default:
                return surface.IsEmpty || surface[0] == known[0];
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
