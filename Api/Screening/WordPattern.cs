using System.Numerics;

namespace SmartPost.Api.Screening;

internal enum WordMode { Exact, Prefix, Infix }

/// <summary>
/// One spelling a phrase element accepts, in folded form: exact ("klage"), prefix ("aktindsigt*" also matches
/// "aktindsigten"), or infix ("*aktindsigt*" matches "partsaktindsigt"). Long words may allow a few edits
/// (misspellings such as "aktinsigt"); short words are always exact to avoid false alarms.
/// </summary>
internal sealed class WordPattern
{
    public WordPattern(string text, WordMode mode, int maxEdits)
    {
        Text = text;
        Mode = mode;
        MaxEdits = mode == WordMode.Infix ? 0 : maxEdits;
        LetterMask = LettersOf(text);
    }

    public string Text { get; }
    public WordMode Mode { get; }
    public int MaxEdits { get; }
    private uint LetterMask { get; }

    public bool Matches(string token) => Matches(token, 0);

    /// <param name="tokenLetters">The token's <see cref="LettersOf"/> if the caller has it, else 0.</param>
    public bool Matches(string token, uint tokenLetters)
    {
        switch (Mode)
        {
            case WordMode.Exact when token == Text:
            case WordMode.Prefix when token.StartsWith(Text, StringComparison.Ordinal):
                return true;
            case WordMode.Infix:
                return token.Length >= Text.Length && token.Contains(Text, StringComparison.Ordinal);
        }
        return MaxEdits > 0 && IsNear(token, tokenLetters);
    }

    /// <summary>Cheap filters first (first letter, length, letters present), Levenshtein only for survivors.</summary>
    private bool IsNear(string token, uint tokenLetters)
    {
        if (token.Length == 0 || token[0] != Text[0]) return false;
        if (Mode == WordMode.Exact && Math.Abs(token.Length - Text.Length) > MaxEdits) return false;
        if (token.Length < Text.Length - MaxEdits) return false;
        if (BitOperations.PopCount(LetterMask & ~(tokenLetters != 0 ? tokenLetters : LettersOf(token))) > MaxEdits) return false;
        var candidate = Mode == WordMode.Prefix && token.Length > Text.Length + MaxEdits
            ? token.AsSpan(0, Text.Length + MaxEdits)
            : token.AsSpan();
        return Levenshtein.Within(Text, candidate, MaxEdits, freeSuffix: Mode == WordMode.Prefix);
    }

    /// <summary>A bit per letter a–z present in the word: a cheap filter before Levenshtein.</summary>
    public static uint LettersOf(string word)
    {
        uint mask = 0;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z') mask |= 1u << (c - 'a');
        }
        return mask;
    }
}

internal static class Levenshtein
{
    /// <summary>
    /// True if <paramref name="term"/> is within <paramref name="max"/> edits of <paramref name="word"/>, or, with
    /// <paramref name="freeSuffix"/>, of some prefix of it (an inflected form: "agtindsigten").
    /// </summary>
    public static bool Within(string term, ReadOnlySpan<char> word, int max, bool freeSuffix)
    {
        Span<int> previous = stackalloc int[word.Length + 1];
        Span<int> current = stackalloc int[word.Length + 1];
        for (var j = 0; j <= word.Length; j++) previous[j] = j;

        for (var i = 1; i <= term.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= word.Length; j++)
            {
                var cost = term[i - 1] == word[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                current[j] = value;
                if (value < rowMin) rowMin = value;
            }
            if (rowMin > max) return false;
            var swap = previous;
            previous = current;
            current = swap;
        }

        if (!freeSuffix) return previous[word.Length] <= max;
        foreach (var value in previous)
        {
            if (value <= max) return true;
        }
        return false;
    }
}
