using System.Runtime.CompilerServices;
using System.Text;

namespace SmartPost.Api.Text;

/// <summary>
/// What each UTF-16 character is to the text core, looked up in one table: part of a word (<see cref="WordScanner"/>)
/// and, between words, what ends a sentence or a clause (<see cref="DocumentReader"/>).
/// </summary>
internal static class CharKinds
{
    public const byte LetterOrDigit = 1;
    /// <summary>Letters, digits, hyphens and soft hyphens: what Lucene's tokenizer keeps (<c>WordTokenizer</c>).</summary>
    public const byte InWord = 2;
    /// <summary>Half of a surrogate pair: the pair decides.</summary>
    public const byte Surrogate = 4;
    public const byte Exclamation = 8;
    public const byte Question = 16;
    public const byte Newline = 32;
    public const byte FullStop = 64;
    /// <summary>, ; : ( ) – — and quotation marks split clauses.</summary>
    public const byte ClausePunctuation = 128;

    public const string ClauseCharacters = ",;:()–—\"“”";

    private static readonly byte[] Kinds = Build();

    /// <summary>The table itself, for a loop that reads many characters: taken once into a local before the loop.</summary>
    public static ReadOnlySpan<byte> Table => Kinds;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Of(char c) => Kinds[c];

    private static byte[] Build()
    {
        var table = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch)) table[c] = Surrogate | InWord;
            else if (Rune.IsLetterOrDigit(new Rune(ch))) table[c] = LetterOrDigit | InWord;
            else if (ch is '-' or '\u00AD') table[c] = InWord;
        }
        table['!'] |= Exclamation;
        table['?'] |= Question;
        table['\n'] |= Newline;
        table['.'] |= FullStop;
        foreach (var c in ClauseCharacters) table[c] |= ClausePunctuation;
        return table;
    }
}
