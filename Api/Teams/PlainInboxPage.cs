using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>
/// The page every caseworker opens: the team's unhandled (or all) replies in inbox order, no flag, date or screening
/// filter. As precompiled queries, because EF otherwise rebuilds, hashes and looks up the LINQ expression on every
/// request (the rows took 2.4 ms of CPU that way, 1.1 ms precompiled). The same SQL as
/// <see cref="TeamInboxController.PageAsync"/> builds for these filters; a null status means all (EF drops
/// "@handled IS NULL OR …" per parameter value, so SQLite still sees "IsHandled = @handled" and seeks the inbox index).
/// On PostgreSQL the API reads this page with <see cref="PostgresInboxPage"/> (one prepared round trip); these
/// queries stay its reference there (PostgresInboxPageTests).
/// </summary>
internal static class PlainInboxPage
{
    public static bool Serves(string status, string? flag, bool dateWindow, string? screening) =>
        status is "unhandled" or "all" && flag is null && !dateWindow && screening is null;

    public static async Task<(List<Reply> Rows, bool More)> PageAsync(
        AppDb db, string team, string status, InboxCursor? after, int limit, CancellationToken ct)
    {
        bool? handled = status == "all" ? null : false;
        var compiled = PerModel<Compiled>.For(db);
        var query = after switch
        {
            null => compiled.First(db, team, handled, limit + 1),
            { } c when db.Database.IsNpgsql() => compiled.AfterRowValue(db, team, handled, c.SortDueDate, c.ReceivedAt, c.Id, limit + 1),
            { } c => compiled.AfterExpanded(db, team, handled, c.SortDueDate, c.ReceivedAt, c.Id, limit + 1),
        };
        var rows = new List<Reply>(limit + 1);
        await foreach (var r in query.WithCancellation(ct)) rows.Add(r);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        return (rows, more);
    }

    private static readonly Expression<Func<Reply, Reply>> Columns = InboxQuery.ListColumnsSelector;

    /// <summary>One set per EF model (<see cref="PerModel{T}"/>).</summary>
    private sealed class Compiled
    {
        public readonly Func<AppDb, string, bool?, int, IAsyncEnumerable<Reply>> First = EF.CompileAsyncQuery(
            (AppDb db, string team, bool? handled, int take) => db.Set<Reply>().AsNoTracking()
                .Where(r => r.Team == team && (handled == null || r.IsHandled == handled))
                .OrderBy(r => r.SortDueDate).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)
                .Take(take).Select(Columns));

        public readonly Func<AppDb, string, bool?, DateOnly, DateTime, long, int, IAsyncEnumerable<Reply>> AfterExpanded =
            EF.CompileAsyncQuery(
                (AppDb db, string team, bool? handled, DateOnly due, DateTime received, long id, int take) => db.Set<Reply>().AsNoTracking()
                    .Where(r => r.Team == team && (handled == null || r.IsHandled == handled))
                    .Where(r => r.SortDueDate > due || (r.SortDueDate == due && (r.ReceivedAt > received || (r.ReceivedAt == received && r.Id > id))))
                    .OrderBy(r => r.SortDueDate).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)
                    .Take(take).Select(Columns));

        public readonly Func<AppDb, string, bool?, DateOnly, DateTime, long, int, IAsyncEnumerable<Reply>> AfterRowValue =
            EF.CompileAsyncQuery(
                (AppDb db, string team, bool? handled, DateOnly due, DateTime received, long id, int take) => db.Set<Reply>().AsNoTracking()
                    .Where(r => r.Team == team && (handled == null || r.IsHandled == handled))
                    .Where(r => EF.Functions.GreaterThan(
                        ValueTuple.Create(r.SortDueDate, r.ReceivedAt, r.Id), ValueTuple.Create(due, received, id)))
                    .OrderBy(r => r.SortDueDate).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)
                    .Take(take).Select(Columns));
    }
}
