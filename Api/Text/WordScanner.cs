using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace SmartPost.Api.Text;

/// <summary>
/// Finds the words of a text exactly where <see cref="DanishAnalyzer"/>'s tokenizer, line-break char filter and
/// <see cref="HyphenJoinFilter"/> find them — runs of letters, digits, hyphens and soft hyphens with at least one letter
/// or digit, "kommu-⏎nikerer" joined, offsets in the original — without running Lucene: one pass over the characters,
/// no allocation per word. <see cref="TextAnalyzer"/>'s corpus test holds it to the Lucene chain.
/// <para>
/// A text without surrogates (nearly all) is read 64 characters at a time: eight characters per vector compare say which
/// are letters, digits or hyphens (a block with any other non-ASCII character asks <see cref="CharKinds"/> per
/// character), and a word starts or ends where that bit changes. Reading character by character, each word's end was a
/// branch the processor could not predict, a third of reading a letter.
/// </para> Anything the two could read differently (a run as long as Lucene's 255-character
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
    private readonly bool _byBlocks;
    private int _at;

    // Reading by blocks: the bits where a word starts or ends in the 64 characters from _window on, whether the character
    // before the next window is in a word, and a word's start while its end is in a later window.
    private ulong _changes;
    private int _window;
    private ulong _carry;
    private int _runStart;

    /// <summary>Scans the text itself (it has no hyphen at a line break).</summary>
    public WordScanner(ReadOnlySpan<char> text)
    {
        _original = text;
        _scanned = text;
        (_byBlocks, _window, _runStart) = (ReadsByBlocks(text), -64, -1);
    }

    // A surrogate pair is a letter or not by the pair: such a text is read character by character.
    private static bool ReadsByBlocks(ReadOnlySpan<char> text) =>
        Vector128.IsHardwareAccelerated && text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0;

    /// <summary>Scans <paramref name="joined"/> (the text with its line-break hyphens removed) and maps offsets back.</summary>
    private WordScanner(ReadOnlySpan<char> original, ReadOnlySpan<char> joined, ReadOnlySpan<int> points, ReadOnlySpan<int> shifts)
    {
        _original = original;
        _scanned = joined;
        _points = points;
        _shifts = shifts;
        (_byBlocks, _window, _runStart) = (ReadsByBlocks(joined), -64, -1);
    }

    /// <summary>True when the scanner gave up: the text must be read by Lucene.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>The next word: its offsets in the original text and the <see cref="WordMemo"/> hash of the original span.</summary>
    public bool Next(out int start, out int end, out uint hash)
    {
        start = end = 0;
        hash = 0;
        var found = _byBlocks ? NextByBlocks(out var runStart, out var runEnd) : NextByCharacters(out runStart, out runEnd);
        if (!found) return false;
        if (_points.IsEmpty) (start, end) = (runStart, runEnd);
        else (start, end) = (runStart + ShiftAt(runStart), runEnd + ShiftAt(runEnd));
        hash = WordMemo.Hash(_original[start..end]);
        return true;
    }

    /// <summary>The next run of word characters with a letter or digit, in the scanned text, 64 characters at a time.</summary>
    private bool NextByBlocks(out int runStart, out int runEnd)
    {
        var text = _scanned;
        while (true)
        {
            if (_runStart < 0)
            {
                while (_changes == 0)
                {
                    if (!NextWindow())
                    {
                        (runStart, runEnd) = (0, 0);
                        return false;
                    }
                }
                _runStart = _window + BitOperations.TrailingZeroCount(_changes);
                _changes &= _changes - 1;
            }
            // Bits past the text's end are no word, so a run ends at the latest at the text's length.
            var ended = true;
            while (_changes == 0 && (ended = NextWindow())) { }
            (runStart, runEnd) = (_runStart, ended ? _window + BitOperations.TrailingZeroCount(_changes) : text.Length);
            _changes &= _changes - 1;
            _runStart = -1;
            if (runEnd - runStart >= LongestRun)
            {
                GaveUp = true;
                return false;
            }
            if ((CharKinds.Of(text[runStart]) & CharKinds.LetterOrDigit) != 0 || HasLetterOrDigit(text[runStart..runEnd])) return true;
            // a lone dash is no word
        }
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> run)
    {
        foreach (var c in run)
        {
            if ((CharKinds.Of(c) & CharKinds.LetterOrDigit) != 0) return true;
        }
        return false;
    }

    /// <summary>Reads the next 64 characters' word bits; false when the previous window reached past the text's end.</summary>
    private bool NextWindow()
    {
        var text = _scanned;
        var next = _window + 64;
        if (next > text.Length) return false;
        ulong inWord = 0;
        for (var b = 0; b < 64; b += 8)
        {
            var at = next + b;
            inWord |= (ulong)(at + 8 <= text.Length ? BlockBits(text, at) : CharacterBits(text, at, Math.Max(0, text.Length - at))) << b;
        }
        _changes = inWord ^ (inWord << 1 | _carry);
        _carry = inWord >> 63;
        _window = next;
        return true;
    }

    /// <summary>Bit k: character at + k is a letter, digit or hyphen (<see cref="CharKinds.InWord"/>).</summary>
    private static uint BlockBits(ReadOnlySpan<char> text, int at)
    {
        var block = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)at);
        if (Vector128.GreaterThanAny(block, Vector128.Create((ushort)0x7F))) return CharacterBits(text, at, 8);
        var letter = Vector128.LessThanOrEqual((block | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
        var digit = Vector128.LessThanOrEqual(block - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        var hyphen = Vector128.Equals(block, Vector128.Create((ushort)'-'));
        return (letter | digit | hyphen).ExtractMostSignificantBits();
    }

    private static uint CharacterBits(ReadOnlySpan<char> text, int at, int count)
    {
        var bits = 0u;
        for (var k = 0; k < count; k++) bits |= (uint)((CharKinds.Of(text[at + k]) & CharKinds.InWord) >> 1) << k;
        return bits;
    }

    /// <summary>The next run character by character (a text with surrogates, or without vector support).</summary>
    private bool NextByCharacters(out int runStart, out int runEnd)
    {
        var text = _scanned;
        var i = _at;
        runStart = runEnd = 0;
        while (true)
        {
            while (i < text.Length && (CharKinds.Of(text[i]) & CharKinds.InWord) == 0) i++;
            if (i == text.Length)
            {
                _at = i;
                return false;
            }
            runStart = i;
            var hasLetterOrDigit = false;
            while (i < text.Length)
            {
                var kind = CharKinds.Of(text[i]);
                if ((kind & (CharKinds.InWord | CharKinds.Surrogate)) == CharKinds.InWord)
                {
                    hasLetterOrDigit |= (kind & CharKinds.LetterOrDigit) != 0;
                    i++;
                    continue;
                }
                if ((kind & CharKinds.Surrogate) == 0 || !IsLetterOrDigitPair(text, i)) break;
                hasLetterOrDigit = true;
                i += 2;
            }
            if (GaveUp) return false;
            if (i == runStart)
            {
                i += 2; // a pair that is no letter (an emoji)
                continue;
            }
            if (i - runStart >= LongestRun)
            {
                GaveUp = true;
                return false;
            }
            if (!hasLetterOrDigit) continue; // a lone dash is no word
            _at = i;
            runEnd = i;
            return true;
        }
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
