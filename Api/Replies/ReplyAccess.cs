using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Replies;

/// <summary>
/// Loads a reply for the caller: 404 when it does not exist, 403 when the caller is not on its team. The 403 says
/// nothing about the reply (issue 5: nothing leaks in the error).
/// </summary>
public sealed class ReplyAccess(AppDb db, ITeamMembership membership)
{
    public async Task<(Reply? Reply, ActionResult? Denied)> LoadAsync(ControllerBase c, long id, CancellationToken ct)
    {
        var reply = await db.Set<Reply>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null)
        {
            return (null, c.Problem(statusCode: 404, title: "Ikke fundet / not found", detail: $"Intet svar med id {id}."));
        }
        if (!await IsMemberAsync(c, reply.Team, ct))
        {
            return (null, Forbidden(c));
        }
        return (reply, null);
    }

    public async Task<bool> IsMemberAsync(ControllerBase c, string team, CancellationToken ct) =>
        (await membership.GetTeamsAsync(c.User, ct)).Contains(team, StringComparer.OrdinalIgnoreCase);

    public static ActionResult Forbidden(ControllerBase c) => c.Problem(
        statusCode: 403, title: "Ingen adgang / forbidden", detail: "Kun teamets sagsbehandlere har adgang.");
}
