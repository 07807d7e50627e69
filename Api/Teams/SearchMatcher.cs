using SmartPost.Api.Text;

namespace SmartPost.Api.Teams;

/// <summary>
/// Matches a shared search's terms against a reply on Danish-folded words (æ/ae, ø/oe, å/aa, case, hyphenation):
/// a term or any of its spelling variants, as a whole phrase; a trailing "*" matches any word ending.
/// </summary>
public sealed class SearchMatcher
{
    private readonly List<(string Term, string[][] Phrases)> _terms;

    public SearchMatcher(IEnumerable<SearchTermRequest> terms) =>
        _terms = terms.Select(t => (t.Term, new[] { t.Term }.Concat(t.Variants ?? []).Select(Phrase).Where(p => p.Length > 0).ToArray())).ToList();

    /// <summary>The terms (by their main spelling) found in the text; empty when none.</summary>
    public IReadOnlyList<string> Match(string? subject, string text)
    {
        var words = DanishText.Tokenize($"{subject}\n{text}").Select(t => t.Folded).ToArray();
        return _terms.Where(t => t.Phrases.Any(p => Contains(words, p))).Select(t => t.Term).ToList();
    }

    private static string[] Phrase(string term)
    {
        var words = DanishText.Tokenize(term).Select(t => t.Folded).ToList();
        if (words.Count > 0 && term.TrimEnd().EndsWith('*')) words[^1] += "*";
        return words.ToArray();
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++)
            {
                var p = phrase[j];
                all = p.EndsWith('*') ? words[i + j].StartsWith(p[..^1], StringComparison.Ordinal) : words[i + j] == p;
            }
            if (all) return true;
        }
        return false;
    }
}
