using System.Security.Claims;
using SmartPost.Api.Identity;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Teams;
using SmartPost.Api.Text;

namespace SmartPost.Api.Replies;

/// <summary>
/// Who may take over a colleague's claim: the team's lead, or whoever screens today per the rota — the scheduled
/// person, or the substitute when they are away. That is who the guideline makes responsible for the team's post
/// on the day, so it is who can move a reply from an absent colleague.
/// </summary>
public sealed class ClaimTakeoverPermission(AppDb db, TeamAccess access, IOutOfOfficeLookup outOfOffice, TimeProvider clock)
{
    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, string team, CancellationToken ct)
    {
        var role = await access.RoleInAsync(user, team, ct);
        if (role == TeamRole.Lead) return true;
        if (role == TeamRole.None) return false;
        var rota = await RotaQueries.LoadAsync(db, team, ct);
        if (rota is null) return false;
        var today = await ScreenerSelection.ChooseAsync(rota, DanishTime.Today(clock), outOfOffice, ct);
        return today.Responsible == user.UserId();
    }
}
