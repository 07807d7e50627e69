using System.Buffers;
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

    /// <summary>The next word: its offsets in the original text and the <see cref="WordMemo"/> hash of the original span.</summary>
    public bool Next(out int start, out int end, out uint hash)
    {
        var text = _scanned;
        var i = _at;
        start = end = 0;
        hash = 0;
        while (i < text.Length)
        {
            var width = WordCharWidth(text, i, out var letterOrDigit);
            if (width <= 0)
            {
                if (GaveUp) return false;
                i += -width;
                continue;
            }
            var runStart = i;
            var h = WordMemo.Seed;
            var hasLetterOrDigit = false;
            do
            {
                h = WordMemo.Step(h, text[i]);
                if (width == 2) h = WordMemo.Step(h, text[i + 1]);
                hasLetterOrDigit |= letterOrDigit;
                i += width;
            }
            while (i < text.Length && (width = WordCharWidth(text, i, out letterOrDigit)) > 0);
            if (GaveUp) return false;
            if (i - runStart >= LongestRun)
            {
                GaveUp = true;
                return false;
            }
            if (!hasLetterOrDigit) continue; // a lone dash is no word
            _at = i;
            if (_points.IsEmpty)
            {
                (start, end, hash) = (runStart, i, h);
                return true;
            }
            start = Correct(runStart);
            end = Correct(i);
            hash = WordMemo.Hash(_original[start..end]);
            return true;
        }
        _at = i;
        return false;
    }

    /// <summary>
    /// How many characters the word character at <paramref name="i"/> takes (1, or 2 for a surrogate pair); for any
    /// other character minus its width. A broken surrogate pair sets <see cref="GaveUp"/>.
    /// </summary>
    private int WordCharWidth(ReadOnlySpan<char> text, int i, out bool letterOrDigit)
    {
        var kind = CharKinds.Of(text[i]);
        letterOrDigit = (kind & CharKinds.LetterOrDigit) != 0;
        if ((kind & CharKinds.Surrogate) == 0) return (kind & CharKinds.InWord) != 0 ? 1 : -1;
        if (Rune.DecodeFromUtf16(text[i..], out var rune, out var used) != OperationStatus.Done)
        {
            GaveUp = true;
            return 0;
        }
        letterOrDigit = Rune.IsLetterOrDigit(rune);
        return letterOrDigit ? used : -used;
    }

    /// <summary>An offset of the joined text in the original, as Lucene's BaseCharFilter corrects it.</summary>
    private readonly int Correct(int offset)
    {
        var shift = 0;
        var low = 0;
        var high = _points.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (_points[middle] <= offset)
            {
                shift = _shifts[middle];
                low = middle + 1;
            }
            else high = middle - 1;
        }
        return offset + shift;
    }

    public static bool HasLineBreakHyphen(ReadOnlySpan<char> text) =>
        text.Contains("-\n", StringComparison.Ordinal) || text.Contains("-\r\n", StringComparison.Ordinal) || text.Contains("\u00AD\n", StringComparison.Ordinal);

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
