using SmartPost.Api.Text;

using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// What the learned category model reads: the stems the text core already made for the rules (title words, text words,
/// pairs of neighbouring text words in a sentence), the folded document type and the caseClosed flag, each hashed into a
/// fixed space of <see cref="Dimension"/> indices. Hashing the core's stems costs a few hundred nanoseconds per letter and
/// needs no vocabulary of its own; training (tools/TrainLetterModel) and scoring use this one definition.
/// </summary>
public static class LetterFeatures
{
    /// <summary>
    /// Size of the hashed feature space; a change needs a retrained model. 2^14 (round 10; was 2^15): with 16-bit weights the
    /// table is 426 kB instead of 1.7 MB, a quarter of the cache lines for other requests to evict.
    /// </summary>
    public const int Dimension = 1 << 14;

    public const string Description =
        "binary presence of hashed (4 chars per multiply, 2^14) text-core stems: title words, text words, neighbouring text-word pairs within a sentence; folded document type; caseClosed flag";

    private const uint TitleWord = 0x811C9DC5, TextWord = 0x01000193, WordPair = 0x9E3779B9, DocumentType = 0x85EBCA6B;
    private const int CaseClosedIndex = 0;

    /// <summary>
    /// A word that says something about the letter: a stem of at least four characters. Danish function words (og, at,
    /// du, vi, det, til, om, har, kan, med, på …) are shorter, so this counts how much the letter says, not how it says it.
    /// </summary>
    public static bool IsContentWord(ReadOnlySpan<char> stem) => stem.Length >= 4;

    /// <summary>
    /// Adds the words of an analysed title or text (quoted text is not the letter's own and is skipped); returns how many
    /// content words the text has of its own (0 for a title).
    /// </summary>
    internal static int AddWords(AnalyzedDocument document, bool inTitle, LetterFeatureSet into)
    {
        var contentWords = 0;
        var previous = 0u;
        var previousSentence = -1;
        var tokens = document.Tokens;
        for (var word = 0; word < tokens.Length; word++)
        {
            var token = tokens[word];
            if (token.Quoted) continue;
            var stem = document.Stem(word);
            var hash = Hash(inTitle ? TitleWord : TextWord, stem);
            into.Add(Index(hash));
            if (!inTitle)
            {
                if (IsContentWord(stem)) contentWords++;
                if (token.Sentence == previousSentence) into.Add(Index(Mix(WordPair, previous, hash)));
                previous = hash;
                previousSentence = token.Sentence;
            }
        }
        return contentWords;
    }

    internal static void AddDocumentType(string? normalizedType, LetterFeatureSet into)
    {
        if (!string.IsNullOrEmpty(normalizedType)) into.Add(Index(Hash(DocumentType, normalizedType)));
    }

    internal static void AddCaseClosed(bool? caseClosed, LetterFeatureSet into)
    {
        if (caseClosed == true) into.Add(CaseClosedIndex);
    }

    /// <summary>
    /// FNV-style, but four characters per multiply: a long letter hashes ~1,400 words and pairs, each a chain of dependent
    /// multiplies, and the hash only has to spread stems over the space, deterministically (training and scoring share it).
    /// </summary>
    internal static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        var h = (ulong)seed ^ (ulong)text.Length * 0x9E3779B97F4A7C15;
        var bytes = MemoryMarshal.AsBytes(text);
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0x100000001B3;
            h ^= h >> 29;
            bytes = bytes[8..];
        }
        // The last one to three characters, byte by byte as defined; a character below 256 has a zero high byte, and
        // (h ^ 0) * P * P = h * P², so its two steps are one multiply (the same value, half the dependent multiplies).
        var tail = MemoryMarshal.Cast<byte, char>(bytes);
        foreach (var c in tail)
        {
            h = c < 256 ? (h ^ c) * PrimeSquared : ((h ^ (byte)c) * 0x100000001B3 ^ (uint)(c >> 8)) * 0x100000001B3;
        }
        h ^= h >> 32;
        return (uint)h;
    }

    private const ulong PrimeSquared = unchecked(0x100000001B3UL * 0x100000001B3UL);

    private static uint Mix(uint seed, uint a, uint b) => ((seed ^ a) * 0x01000193 ^ b) * 0x01000193;

    // Index 0 is the caseClosed flag; words use 1 … Dimension-1.
    private static int Index(uint hash) => 1 + (int)(hash % (Dimension - 1));
}

/// <summary>
/// A letter's features while they are collected: one bit per index of the hashed space (2 kB), so a word that recurs
/// costs a bit that is already set, and reading the bits in order gives the sorted distinct indices the model and the
/// trainer take — no list to grow and no sort of ~1,400 entries. One per thread, cleared as it is read.
/// </summary>
internal sealed class LetterFeatureSet
{
    private readonly ulong[] _bits = new ulong[LetterFeatures.Dimension / 64];
    private int _count;

    [ThreadStatic] private static LetterFeatureSet? _forThread;

    /// <summary>The thread's empty set (a scan takes it for its features and <see cref="TakeSorted"/> empties it again).</summary>
    public static LetterFeatureSet ForThread() => _forThread ??= new LetterFeatureSet();

    public void Add(int index)
    {
        ref var word = ref _bits[index >> 6];
        var bit = 1UL << (index & 63);
        if ((word & bit) != 0) return;
        word |= bit;
        _count++;
    }

    /// <summary>The indices in ascending order; the set is empty afterwards.</summary>
    public int[] TakeSorted()
    {
        var sorted = new int[_count];
        var n = 0;
        for (var w = 0; w < _bits.Length && n < sorted.Length; w++)
        {
            var bits = _bits[w];
            if (bits == 0) continue;
            _bits[w] = 0;
            while (bits != 0)
            {
                sorted[n++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
        _count = 0;
        return sorted;
    }

    /// <summary>Empties the set without reading it (a scan that failed halfway).</summary>
    public void Clear()
    {
        Array.Clear(_bits);
        _count = 0;
    }
}
