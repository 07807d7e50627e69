using SmartPost.Api.Text;

namespace SmartPost.Api.Replies;

/// <summary>
/// Does a dispatch recipient's name stand in a reply's own text ("Mvh\nHans Jørgen Lassen")? A catch-all message
/// has no link to its case, but citizens sign their messages (issue 3: route "by the case number or name found in
/// the text"). Only a full name counts: first and last name on one line, in that order, with nothing between them
/// but the recipient's middle names or initials (any capitalised word when the register has none) — a first name alone would match half the register.
/// Compared Danish-folded, so "Søren Ærø" matches "Soeren Aeroe" and "SØREN ÆRØ".
/// </summary>
public static class RecipientNameMatcher
{
    /// <summary>Middle names the citizen may leave out or add in the signature ("Hans J. Lassen").</summary>
    private const int MaxTokensBetween = 3;

    /// <summary>The folded words of a name, or empty when it is not at least a first and a last name.</summary>
    public static string[] NameWords(string name)
    {
        var words = DanishText.Tokenize(name).Select(t => t.Folded).ToArray();
        return words.Length >= 2 && words[0].Length >= 2 && words[^1].Length >= 2 ? words : [];
    }

    /// <summary>True when the folded name words (see <see cref="NameWords"/>) stand in the tokenized text.</summary>
    public static bool Appears(string text, IReadOnlyList<Token> tokens, string[] nameWords)
    {
        if (nameWords.Length < 2) return false;
        var first = nameWords[0];
        var last = nameWords[^1];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Folded != first) continue;
            for (var j = i + 1; j < tokens.Count && j <= i + 1 + MaxTokensBetween; j++)
            {
                if (LineBreakBetween(text, tokens[j - 1], tokens[j])) break;
                if (tokens[j].Folded == last) return true;
                if (!IsMiddleName(tokens[j], nameWords) && !(nameWords.Length == 2 && char.IsUpper(text[tokens[j].Start]))) break;
            }
        }
        return false;
    }

    /// <summary>One of the recipient's middle names, or its initial ("J." for Jørgen). When the register has no
    /// middle name at all, the caller also lets a capitalised word through (one the register lacks); when it has
    /// some, another one ("Hans Peter Lassen" for "Hans Jørgen Lassen") is another person.</summary>
    private static bool IsMiddleName(Token word, string[] nameWords)
    {
        for (var k = 1; k < nameWords.Length - 1; k++)
        {
            // An initial is one letter as written; folded, "Å" is "aa".
            if (nameWords[k] == word.Folded || (word.Length == 1 && nameWords[k].StartsWith(word.Folded, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    private static bool LineBreakBetween(string text, Token before, Token after) =>
        text.AsSpan(before.End, after.Start - before.End).Contains('\n');
}
