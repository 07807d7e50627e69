using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;
using SmartPost.Api.Text;

namespace SmartPost.Api.Teams;

/// <summary>
/// Matches a shared search's terms against a reply on Danish-folded words (æ/ae, ø/oe, å/aa, case, hyphenation):
/// a term or any of its spelling variants, as a whole phrase; a trailing "*" matches any word ending.
/// The database finds and counts the hits from a word index (<see cref="Matching"/>); <see cref="Match"/> says which
/// terms a shown reply matched.
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
    /// The replies of <paramref name="q"/> that match, found through the database's word index: FTS5 on SQLite, the
    /// pg_trgm index on PostgreSQL (which answers <see cref="Prefilter"/>'s LIKE). Both are exact on the folded words,
    /// so the database can count the hits and page them without loading the text of every candidate.
    /// </summary>
    public IQueryable<Reply> Matching(IQueryable<Reply> q, AppDb db)
    {
        if (!db.Database.IsSqlite()) return q.Where(Prefilter());
        if (FtsQuery() is not { } match) return q.Where(_ => false);
        var ids = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"ReplySearch\" WHERE \"ReplySearch\" MATCH {match}");
        // "Id + 0": SQLite would otherwise drive the query from the word index's hits in every team and look each up
        // by primary key (2 s for a common word among a million replies); this way the hits become one in-memory list
        // and the team's own rows are read from the covering inbox index (docs/inbox-at-scale.md).
        return q.Where(r => ids.Contains(r.Id + 0));
    }

    /// <summary>
    /// The phrases as an FTS5 query: each phrase quoted ("w1 w2"), a trailing "*" after the quotes for a prefix of its
    /// last word, all joined with OR; null when no term has a word.
    /// </summary>
    public string? FtsQuery()
    {
        var phrases = _terms.SelectMany(t => t.Phrases).Select(p => p[^1].EndsWith('*')
            ? $"{Quoted(string.Join(' ', p)[..^1])} *"
            : Quoted(string.Join(' ', p))).Distinct().ToList();
        return phrases.Count == 0 ? null : string.Join(" OR ", phrases);
    }

    private static string Quoted(string phrase) => $"\"{phrase.Replace("\"", "\"\"")}\"";

    /// <summary>
    /// Replies whose search text contains any phrase: " w1 w2 " for whole words, " w1 pre" for a trailing "*".
    /// Exactly <see cref="Match"/>, because the search text has every word between single spaces.
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
