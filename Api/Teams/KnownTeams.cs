using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>
/// Gatekeeper for /teams/{team}/…: a non-member gets 403 before anything else (so even whether the team exists does
/// not leak), a member of a team nobody knows (not configured, no replies, no rota) gets 404.
/// </summary>
public sealed class KnownTeams(AppDb db, ReplyAccess access, IOptions<TeamsOptions> teams, IOptions<RepliesOptions> replies)
{
    public async Task<ActionResult?> CheckAsync(ControllerBase c, string team, CancellationToken ct)
    {
        if (!await access.IsMemberAsync(c, team, ct)) return ReplyAccess.Forbidden(c);
        var known = teams.Value.Known.Contains(team, StringComparer.OrdinalIgnoreCase)
            || string.Equals(replies.Value.DefaultTeam, team, StringComparison.OrdinalIgnoreCase)
            || await db.Set<Reply>().AnyAsync(r => r.Team == team, ct)
            || await db.Set<TeamRota>().AnyAsync(r => r.Team == team, ct);
        return known ? null : c.Problem(statusCode: 404, title: "Ukendt team", detail: $"Teamet '{team}' findes ikke.");
    }
}
