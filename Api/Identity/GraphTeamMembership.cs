using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using SmartPost.Api.Infrastructure;

namespace SmartPost.Api.Identity;

/// <summary>
/// Team membership from the caseworker's Entra group memberships (Graph /me/transitiveMemberOf, all pages),
/// mapped through <c>Identity:GroupTeams</c>. Cached per caseworker for a short time; while Graph fails the last
/// known answer is used up to <see cref="TeamIdentityOptions.MembershipStaleLimit"/> after it was fetched and the
/// response carries <c>X-SmartPost-Membership: stale</c>; after that the caseworker has no teams (fail closed).
/// </summary>
public sealed class GraphTeamMembership(
    CaseworkerGraph graph, MembershipCache cache, IOptions<TeamIdentityOptions> options, TimeProvider clock,
    IHttpContextAccessor httpContext, ILogger<GraphTeamMembership> logger) : ITeamMembership
{
    public const string FreshnessHeader = "X-SmartPost-Membership";

    public async Task<IReadOnlyList<string>> GetTeamsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await GetMembershipAsync(user, cancellationToken)).Teams;

    public async Task<TeamMembershipResult> GetMembershipAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        var now = clock.GetUtcNow();
        var known = cache.Get(userId);
        if (known is not null && now - known.FetchedAt < options.Value.MembershipCacheLifetime)
        {
            return known;
        }

        var request = httpContext.HttpContext;
        if (request?.Items[typeof(GraphTeamMembership)] is TeamMembershipResult failedThisRequest)
        {
            return failedThisRequest; // Graph already failed for this request: do not hammer it again.
        }

        TeamMembershipResult result;
        try
        {
            var groups = await FetchGroupIdsAsync(cancellationToken);
            result = new TeamMembershipResult(MapToTeams(groups), MembershipFreshness.Current, now);
            cache.Set(userId, result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Graph membership lookup failed for caseworker {UserId}", userId);
            result = known is not null && now - known.FetchedAt <= options.Value.MembershipStaleLimit
                ? known with { Freshness = MembershipFreshness.Stale }
                : new TeamMembershipResult([], MembershipFreshness.Unavailable, known?.FetchedAt);
            if (request is not null) request.Items[typeof(GraphTeamMembership)] = result;
        }

        if (result.Freshness != MembershipFreshness.Current && request is { Response.HasStarted: false })
        {
            request.Response.Headers[FreshnessHeader] = result.Freshness == MembershipFreshness.Stale
                ? $"stale; fetched-at={result.FetchedAt:O}"
                : "unavailable";
        }
        return result;
    }

    private async Task<List<string>> FetchGroupIdsAsync(CancellationToken cancellationToken)
    {
        var client = graph.ForCurrentCaller();
        var ids = new List<string>();
        var page = await client.Me.TransitiveMemberOf.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id", "displayName"];
            r.QueryParameters.Top = 999;
        }, cancellationToken);
        while (page is not null)
        {
            // Directory roles and administrative units come back too; only groups map to teams.
            ids.AddRange(page.Value?.OfType<Group>().Select(g => g.Id).OfType<string>() ?? []);
            if (page.OdataNextLink is null) break;
            page = await client.Me.TransitiveMemberOf.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken);
        }
        return ids;
    }

    private List<string> MapToTeams(IEnumerable<string> groupIds) => groupIds
        .Select(id => options.Value.GroupTeams.GetValueOrDefault(id))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}

/// <summary>Last known membership per caseworker, for the whole process.</summary>
public sealed class MembershipCache
{
    private readonly ConcurrentDictionary<string, TeamMembershipResult> _byUser = new(StringComparer.Ordinal);

    public TeamMembershipResult? Get(string userId) => _byUser.GetValueOrDefault(userId);

    public void Set(string userId, TeamMembershipResult result) => _byUser[userId] = result;
}
