using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace SmartPost.Api.Text;

/// <summary>
/// Finds the words of a text exactly where <see cref="DanishAnalyzer"/>'s tokenizer, line-break char filter and
/// <see cref="HyphenJoinFilter"/> find them — runs of letters, digits, hyphens and soft hyphens with at least one letter
/// or digit, "kommu-⏎nikerer" joined, offsets in the original — without running Lucene: one pass over the characters,
/// no allocation per word, and each word's memo hash computed as it is read. <see cref="TextAnalyzer"/>'s corpus test
/// holds it to the Lucene chain. Anything the two could read differently (a run as long as Lucene's 255-character
/// token limit, a broken surrogate pair) makes <see cref="Next"/> give up, and the caller reads the text with Lucene.
/// </summary>
internal ref struct WordScanner
{
    /// <summary>Runs this long or longer are read by Lucene, which cuts tokens at 255 characters.</summary>
    private const int LongestRun = 250;

    private readonly ReadOnlySpan<char> _original;
    private readonly ReadOnlySpan<char> _scanned;
    private readonly ReadOnlySpan<int> _points;
    private readonly ReadOnlySpan<int> _shifts;
    private int _at;
    private int _previousEnd;

    /// <summary>Scans the text itself (it has no hyphen at a line break).</summary>
    public WordScanner(ReadOnlySpan<char> text)
    {
        _original = text;
        _scanned = text;
    }

    /// <summary>Scans <paramref name="joined"/> (the text with its line-break hyphens removed) and maps offsets back.</summary>
    private WordScanner(ReadOnlySpan<char> original, ReadOnlySpan<char> joined, ReadOnlySpan<int> points, ReadOnlySpan<int> shifts)
    {
        _original = original;
        _scanned = joined;
        _points = points;
        _shifts = shifts;
    }

    /// <summary>True when the scanner gave up: the text must be read by Lucene.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>
    /// The next word: its offsets in the original text, the <see cref="WordMemo"/> hash of the original span, and what
    /// the gap before it held (<see cref="Gap"/>; most gaps are one space, which holds nothing to read).
    /// </summary>
    // Inlined into the reading loop by request: the published API runs without dynamic PGO (quick JIT off, Api.csproj),
    // and without a profile the JIT keeps this per-word call (and WordMemo.Get, DocumentReader.Add) out of line. Inlined,
    // a two-page letter's suggestion costs ≈ 10 µs less in optimised code without PGO (BENCHMARKS.md,
    // "why the engine costs twice as much in the server"). The two character loops carry nothing but their index (the
    // hash and the gap are read after them, from the span just found): carrying both through every character kept them in
    // memory without PGO's layout, ≈ 6–8 cycles a character (BENCHMARKS.md, "Fifteenth session: the engine as the API runs it").
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(out int start, out int end, out uint hash, out Gap gap)
    {
        var text = _scanned;
        var kinds = CharKinds.Table;
        var i = _at;
        var gapStart = i;
        start = end = 0;
        hash = 0;
        while (true)
        {
            // A lone dash or an emoji skipped below adds nothing a sentence or clause split asks about.
            while (i < text.Length && (kinds[text[i]] & CharKinds.InWord) == 0) i++;
            if (i == text.Length)
            {
                _at = i;
                gap = default;
                return false;
            }
            var runStart = i;
            var seen = 0;
            int kind;
            while (i < text.Length && ((kind = kinds[text[i]]) & (CharKinds.InWord | CharKinds.Surrogate)) == CharKinds.InWord)
            {
                seen |= kind;
                i++;
            }
            if (i < text.Length && (kinds[text[i]] & CharKinds.Surrogate) != 0)
            {
                // Its own local: one passed by reference would keep the loop above reading and writing it in memory.
                i = RunWithPairs(text, i, out var seenWithPairs);
                seen |= seenWithPairs;
                if (GaveUp)
                {
                    gap = default;
                    return false;
                }
                if (i == runStart)
                {
                    i += 2; // a pair that is no letter (an emoji)
                    continue;
                }
            }
            if (i - runStart >= LongestRun)
            {
                GaveUp = true;
                gap = default;
                return false;
            }
            if ((seen & CharKinds.LetterOrDigit) == 0) continue; // a lone dash is no word
            _at = i;
            if (_points.IsEmpty)
            {
                (start, end) = (runStart, i);
                hash = WordMemo.Hash(text[runStart..i]);
                gap = runStart - gapStart == 1 && text[gapStart] == ' ' ? default : Gap.Of(text[gapStart..runStart]);
                return true;
            }
            (start, end) = (runStart + ShiftAt(runStart), i + ShiftAt(i));
            hash = WordMemo.Hash(_original[start..end]);
            // A removed "-⏎" may have stood between the words: the gap is what the original holds there.
            gap = Gap.Of(_original[_previousEnd..start]);
            _previousEnd = end;
            return true;
        }
    }

    /// <summary>
    /// The rest of a run from a surrogate at <paramref name="i"/>: letter or digit pairs belong to the word, any other pair
    /// ends it (a broken one sets <see cref="GaveUp"/>). Rare in letters, so out of the reading loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int RunWithPairs(ReadOnlySpan<char> text, int i, out int seen)
    {
        seen = 0;
        while (i < text.Length)
        {
            var kind = CharKinds.Of(text[i]);
            if ((kind & (CharKinds.InWord | CharKinds.Surrogate)) == CharKinds.InWord)
            {
                seen |= kind;
                i++;
                continue;
            }
            if ((kind & CharKinds.Surrogate) == 0 || !IsLetterOrDigitPair(text, i)) break;
            seen |= CharKinds.LetterOrDigit;
            i += 2;
        }
        return i;
    }

    /// <summary>A valid surrogate pair at <paramref name="i"/> that is a letter or digit; a broken pair sets <see cref="GaveUp"/>.</summary>
    private bool IsLetterOrDigitPair(ReadOnlySpan<char> text, int i)
    {
        if (Rune.DecodeFromUtf16(text[i..], out var rune, out _) != OperationStatus.Done)
        {
            GaveUp = true;
            return false;
        }
        return Rune.IsLetterOrDigit(rune);
    }

    /// <summary>
    /// How far an offset of the joined text lies from the same place in the original, as Lucene's BaseCharFilter corrects
    /// it: the characters removed at or before it. Offsets are asked for in text order, so a cursor replaces a search.
    /// </summary>
    private int ShiftAt(int offset)
    {
        while (_nextPoint < _points.Length && _points[_nextPoint] <= offset) _nextPoint++;
        return _nextPoint == 0 ? 0 : _shifts[_nextPoint - 1];
    }

    private int _nextPoint;

    public static bool HasLineBreakHyphen(ReadOnlySpan<char> text)
    {
        // "-⏎", "-\r⏎" or a soft hyphen before "⏎": one pass over the few hyphens of a text instead of three searches of all of it.
        for (var i = text.IndexOfAny('-', '\u00AD'); i >= 0;)
        {
            var after = text[(i + 1)..];
            if (after.StartsWith('\n') || text[i] == '-' && after.StartsWith("\r\n")) return true;
            var next = after.IndexOfAny('-', '\u00AD');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    /// <summary>
    /// A scanner over the text with "-⏎", "-\r⏎" and soft-hyphen-⏎ removed, as Lucene's MappingCharFilter removes them
    /// (left to right, longest match first), with the same offset corrections. The buffers come from the shared pool:
    /// give them back with <see cref="ReturnJoined"/>.
    /// </summary>
    public static WordScanner Joined(ReadOnlySpan<char> text, out char[] joined, out int[] points, out int[] shifts)
    {
        joined = ArrayPool<char>.Shared.Rent(text.Length);
        points = ArrayPool<int>.Shared.Rent(16);
        shifts = ArrayPool<int>.Shared.Rent(16);
        int n = 0, corrections = 0, removed = 0;
        for (var i = 0; i < text.Length;)
        {
            var hyphen = text[i..].IndexOfAny('-', '\u00AD');
            if (hyphen < 0) hyphen = text.Length - i;
            text.Slice(i, hyphen).CopyTo(joined.AsSpan(n));
            n += hyphen;
            i += hyphen;
            if (i == text.Length) break;
            var length = LineBreakHyphenLength(text, i);
            if (length == 0)
            {
                joined[n++] = text[i++];
                continue;
            }
            removed += length;
            if (corrections > 0 && points[corrections - 1] == n) shifts[corrections - 1] = removed;
            else
            {
                if (corrections == points.Length) Grow(ref points, ref shifts);
                points[corrections] = n;
                shifts[corrections++] = removed;
            }
            i += length;
        }
        return new WordScanner(text, joined.AsSpan(0, n), points.AsSpan(0, corrections), shifts.AsSpan(0, corrections));
    }

    public static void ReturnJoined(char[] joined, int[] points, int[] shifts)
    {
        ArrayPool<char>.Shared.Return(joined);
        ArrayPool<int>.Shared.Return(points);
        ArrayPool<int>.Shared.Return(shifts);
    }

    private static int LineBreakHyphenLength(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.StartsWith("-\r\n", StringComparison.Ordinal)) return 3;
        if (rest.StartsWith("-\n", StringComparison.Ordinal) || rest.StartsWith("\u00AD\n", StringComparison.Ordinal)) return 2;
        return 0;
    }

    private static void Grow(ref int[] points, ref int[] shifts)
    {
        var biggerPoints = ArrayPool<int>.Shared.Rent(points.Length * 2);
        var biggerShifts = ArrayPool<int>.Shared.Rent(points.Length * 2);
        points.CopyTo(biggerPoints, 0);
        shifts.CopyTo(biggerShifts, 0);
        ArrayPool<int>.Shared.Return(points);
        ArrayPool<int>.Shared.Return(shifts);
        points = biggerPoints;
        shifts = biggerShifts;
    }
}
