using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Replies;
using SmartPost.Api.Text;

namespace SmartPost.Api.Teams;

/// <summary>
/// Matches a shared search's terms against a reply on Danish-folded words (æ/ae, ø/oe, å/aa, case, hyphenation):
/// a term or any of its spelling variants, as a whole phrase; a trailing "*" matches any word ending.
/// In the database first (<see cref="Prefilter"/>: a LIKE per phrase on <see cref="Reply.SearchText"/>), then
/// exactly in memory on those candidates (<see cref="Match"/>), which also says which terms matched.
/// </summary>
public sealed class SearchMatcher
{
    private readonly List<(string Term, string[][] Phrases)> _terms;

    public SearchMatcher(IEnumerable<SearchTermRequest> terms) =>
        _terms = terms.Select(t => (t.Term, new[] { t.Term }.Concat(t.Variants ?? []).Select(Phrase).Where(p => p.Length > 0).ToArray())).ToList();

    /// <summary>The terms (by their main spelling) found in a reply's stored search text; empty when none.</summary>
    public IReadOnlyList<string> Match(string searchText)
    {
        var words = ReplySearchText.Words(searchText);
        return _terms.Where(t => t.Phrases.Any(p => Contains(words, p))).Select(t => t.Term).ToList();
    }

    /// <summary>
    /// Replies whose search text contains any phrase: " w1 w2 " for whole words, " w1 pre" for a trailing "*".
    /// Never narrower than <see cref="Match"/>; it only saves loading replies that cannot match.
    /// </summary>
    public Expression<Func<Reply, bool>> Prefilter()
    {
        var reply = Expression.Parameter(typeof(Reply), "r");
        var text = Expression.Property(reply, nameof(Reply.SearchText));
        var like = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;
        Expression? any = null;
        foreach (var pattern in _terms.SelectMany(t => t.Phrases).Select(LikePattern).Distinct())
        {
            // A captured value, not a constant: EF sends it as a parameter, so the query plan is cached.
            var value = Expression.Property(Expression.Constant(new Captured(pattern)), nameof(Captured.Value));
            Expression call = Expression.Call(like, Functions, text, value);
            any = any is null ? call : Expression.OrElse(any, call);
        }
        return Expression.Lambda<Func<Reply, bool>>(any ?? Expression.Constant(false), reply);
    }

    private static readonly Expression Functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    private static string LikePattern(string[] phrase) =>
        phrase[^1].EndsWith('*') ? $"% {string.Join(' ', phrase)[..^1]}%" : $"% {string.Join(' ', phrase)} %";

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

    private sealed record Captured(string Value);
}
