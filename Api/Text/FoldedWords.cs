namespace SmartPost.Api.Text;

/// <summary>
/// The words of <see cref="DanishText.Tokenize"/> without a string per word: each word's folded form is a span over
/// one reused buffer, valid until the next <see cref="MoveNext"/>. For hot paths that only look the words up
/// (the guidance engine); the rules for words, folding and hyphenation are DanishText's own, shared, not copied.
/// </summary>
/// <example><code>var words = new FoldedWords(text); while (words.MoveNext()) Use(words.Folded, words.Start, words.Length);</code></example>
public struct FoldedWords(string text)
{
    private char[] _buffer = new char[64];
    private int _position;
    private int _foldedLength;

    /// <summary>Offset of the word's first character in the original text.</summary>
    public int Start { get; private set; }

    /// <summary>Length in the original text (may span a hyphenated line break).</summary>
    public int Length { get; private set; }

    /// <summary>The word folded as <see cref="DanishText.Fold"/> does, hyphenation removed.</summary>
    public readonly ReadOnlySpan<char> Folded => _buffer.AsSpan(0, _foldedLength);

    /// <summary>Moves to the next word; false after the last one.</summary>
    public bool MoveNext()
    {
        var i = _position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        var start = i;
        var n = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) && n < _buffer.Length)
            {
                _buffer[n++] = char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c; // AppendFolded's ASCII case, inlined
                i++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                n = DanishText.AppendFolded(ref _buffer, n, c);
                i++;
            }
            else if (c is '-' or '\u00AD' && DanishText.IsLineBreakHyphenation(text, i, out var resume))
            {
                i = resume;
            }
            else if (c == '\u00AD')
            {
                i++;
            }
            else
            {
                break;
            }
        }
        Start = start;
        Length = i - start;
        _foldedLength = n;
        _position = i;
        return true;
    }
}
