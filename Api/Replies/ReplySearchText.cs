using System.Text;
using SmartPost.Api.Text;

namespace SmartPost.Api.Replies;

/// <summary>
/// The stored search form of a reply: its subject and text as Danish-folded words (<see cref="DanishText.Tokenize"/>:
/// lower case, æ→ae ø→oe å→aa, hyphenation across line breaks joined), each between single spaces. A whole-word
/// phrase is then the substring " w1 w2 ", and a word prefix " w1 pre" — both a plain LIKE on either database.
/// Words are letters and digits only, so they never contain LIKE's wildcards.
/// </summary>
public static class ReplySearchText
{
    public static string Build(string? subject, string text)
    {
        var builder = new StringBuilder(" ", (subject?.Length ?? 0) + text.Length + 8);
        foreach (var token in DanishText.Tokenize($"{subject}\n{text}"))
        {
            builder.Append(token.Folded).Append(' ');
        }
        return builder.ToString();
    }

    /// <summary>The words of a stored search text.</summary>
    public static string[] Words(string searchText) => searchText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
