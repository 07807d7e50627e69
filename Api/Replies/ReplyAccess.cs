using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Replies;

/// <summary>
/// Loads a reply for the caller: 404 when it does not exist, 403 when the caller is not on its team.
/// <para>
/// 404 vs 403: a reply id is a sequential number and a document id or messageUUID is something the caller already
/// holds (the open document or mail), so "it exists" tells an outsider nothing about the citizen; a member gets a
/// useful "not found" for a typo, and an outsider a clear "not your team". What must not leak is the content: the
/// 403 body is one fixed text for every reply and team (no id, team, case number or subject), and it is decided
/// before anything else about the reply is read or written.
/// </para>
/// </summary>
public sealed class ReplyAccess(AppDb db, ITeamMembership membership)
{
    public async Task<(Reply? Reply, ActionResult? Denied)> LoadAsync(ControllerBase c, long id, CancellationToken ct)
    {
        var reply = await db.Set<Reply>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null) return (null, NotFound(c, $"Intet svar med id {id}."));
        return await IsMemberAsync(c, reply.Team, ct) ? (reply, null) : (null, Forbidden(c));
    }

    /// <summary>
    /// Ordinal, like <see cref="ITeamMembership.IsMemberAsync"/> and the database's team filters: a caller in
    /// "team-a" asking for "TEAM-A" is not let through to queries that would compare differently.
    /// </summary>
    public Task<bool> IsMemberAsync(ControllerBase c, string team, CancellationToken ct) =>
        membership.IsMemberAsync(c.User, team, ct);

    public static ObjectResult NotFound(ControllerBase c, string detail) =>
        c.Problem(statusCode: 404, title: "Ikke fundet", detail: detail);

    public static ObjectResult Forbidden(ControllerBase c) => c.Problem(
        statusCode: 403, title: "Ingen adgang", detail: "Kun teamets sagsbehandlere har adgang.");
}
