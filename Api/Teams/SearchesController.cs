using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Swashbuckle.AspNetCore.Annotations;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>A team's shared searches ("delte lister") and their results. Any member of the team may use and change them.</summary>
[ApiController]
[Route("api/v1/teams/{team}/searches")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class SearchesController(AppDb db, KnownTeams teams, TimeProvider clock, IOptions<RepliesOptions> options) : ControllerBase
{
    [HttpGet]
    [SwaggerOperation(Summary = "Teamets delte lister",
        Description = "The team's shared searches by name: terms with spelling variants, flag/status filter, responsible and "
            + "substitute. Any member of the team (403 for others); 404 for an unknown team.")]
    [ProducesResponseType<List<SavedSearchView>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<SavedSearchView>>> List(string team, CancellationToken ct)
    {
        if (await teams.CheckAsync(this, team, ct) is { } refused) return refused;
        var all = await db.Set<SavedSearch>().Where(s => s.Team == team).OrderBy(s => s.Name).ToListAsync(ct);
        return all.Select(View).ToList();
    }

    [HttpPost]
    [SwaggerOperation(Summary = "Opret delt liste",
        Description = "Creates a shared search for the team (201 with Location). 400 names the field: missing name or terms, "
            + "unknown flag or status. Any member of the team (403 for others); 404 for an unknown team.")]
    [ProducesResponseType<SavedSearchView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<SavedSearchView>> Create(string team, SavedSearchRequest request, CancellationToken ct)
    {
        if (await teams.CheckAsync(this, team, ct) is { } refused) return refused;
        if (Invalid(request) is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var search = new SavedSearch { Team = team, CreatedBy = User.UserId(), CreatedAt = now };
        Apply(search, request, now);
        db.Add(search);
        await db.SaveChangesAsync(ct);
        return CreatedAtAction(nameof(Get), new { team, id = search.Id }, View(search));
    }

    [HttpGet("{id:long}")]
    [SwaggerOperation(Summary = "Én delt liste",
        Description = "One shared search of the team. Any member of the team (403 for others); 404 for an unknown team or a search id not in this team.")]
    [ProducesResponseType<SavedSearchView>(StatusCodes.Status200OK)]
    public async Task<ActionResult<SavedSearchView>> Get(string team, long id, CancellationToken ct)
    {
        var (search, refused) = await LoadAsync(team, id, ct);
        return refused ?? (ActionResult<SavedSearchView>)View(search!);
    }

    [HttpPut("{id:long}")]
    [SwaggerOperation(Summary = "Ret delt liste",
        Description = "Replaces name, terms, filters, responsible and substitute. 400 names the field. Any member of the team (403 for others); 404 for an unknown team or a search "
            + "id not in this team.")]
    [ProducesResponseType<SavedSearchView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<SavedSearchView>> Update(string team, long id, SavedSearchRequest request, CancellationToken ct)
    {
        var (search, refused) = await LoadAsync(team, id, ct);
        if (refused is not null) return refused;
        if (Invalid(request) is { } invalid) return invalid;
        Apply(search!, request, clock.GetUtcNow().UtcDateTime);
        search!.Version++;
        await db.SaveChangesAsync(ct);
        return View(search);
    }

    [HttpDelete("{id:long}")]
    [SwaggerOperation(Summary = "Slet delt liste",
        Description = "Deletes the shared search (204); the replies are not touched. Any member of the team (403 for others); 404 for an unknown team or a search id not in this team.")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<ActionResult> Delete(string team, long id, CancellationToken ct)
    {
        var (search, refused) = await LoadAsync(team, id, ct);
        if (refused is not null) return refused;
        db.Remove(search!);
        await db.SaveChangesAsync(ct);
        return NoContent();
    }

    /// <summary>
    /// Runs the search: the team's replies (status/flag filters) whose text contains a term or a variant. The database
    /// finds, counts and orders the hits from its word index; only the shown page is loaded.
    /// </summary>
    [HttpGet("{id:long}/results")]
    [HttpPost("{id:long}/results")]
    [SwaggerOperation(Summary = "Kør delt liste", Description = "Runs the search over the team's replies: "
        + "terms match on Danish-folded words (æ/ae, ø/oe, å/aa, case), variants count as the term; status/flag filters apply. "
        + "Most urgent first, ?limit 1–500 (default 100), total counts all hits. Any member of the team (403 for others); 404 for an unknown team or a search id not in this team.")]
    [ProducesResponseType<SearchResults>(StatusCodes.Status200OK)]
    public async Task<ActionResult<SearchResults>> Run(string team, long id, int limit = 100, CancellationToken ct = default)
    {
        var (search, refused) = await LoadAsync(team, id, ct);
        if (refused is not null) return refused;
        var view = View(search!);
        var matcher = new SearchMatcher(view.Terms);
        var hits = matcher.Matching(db.Set<Reply>().AsNoTracking().Where(r => r.Team == team).WithStatus(view.Status).WithFlag(view.Flag), db);
        var total = await hits.CountAsync(ct);
        var shown = await hits.InInboxOrder().Take(Math.Clamp(limit, 1, 500)).Select(r => new { r.Id, r.SearchText }).ToListAsync(ct);

        var ids = shown.Select(h => h.Id).ToList();
        var rows = (await db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.Id)).ListColumns().ToListAsync(ct))
            .ToDictionary(r => r.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        return new SearchResults(view,
            shown.Where(h => rows.ContainsKey(h.Id))
                .Select(h => new SearchHit(ReplyViews.ToListItem(rows[h.Id], now, options.Value.ClaimTimeout), matcher.Match(h.SearchText))).ToList(),
            total);
    }

    private async Task<(SavedSearch? Search, ActionResult? Refused)> LoadAsync(string team, long id, CancellationToken ct)
    {
        if (await teams.CheckAsync(this, team, ct) is { } refused) return (null, refused);
        var search = await db.Set<SavedSearch>().FirstOrDefaultAsync(s => s.Id == id && s.Team == team, ct);
        return search is null
            ? (null, Problem(statusCode: 404, title: "Ikke fundet", detail: $"Ingen delt liste {id} i {team}."))
            : (search, null);
    }

    private ActionResult? Invalid(SavedSearchRequest request)
    {
        if (request.Flag is not null && !InboxQuery.IsFlag(request.Flag)) ModelState.AddModelError("flag", "Ukendt flag.");
        if (request.Status is not null && !InboxQuery.Statuses.Contains(request.Status)) ModelState.AddModelError("status", "Brug unhandled, handled eller all.");
        return ModelState.IsValid ? null : ValidationProblem(ModelState);
    }

    private static void Apply(SavedSearch s, SavedSearchRequest r, DateTime now)
    {
        s.Name = r.Name.Trim();
        s.TermsJson = JsonConvert.SerializeObject(r.Terms);
        s.Flag = r.Flag;
        s.Status = r.Status ?? "unhandled";
        s.Responsible = r.Responsible;
        s.Substitute = r.Substitute;
        s.UpdatedAt = now;
    }

    private static SavedSearchView View(SavedSearch s) => new(
        s.Id, s.Team, s.Name, JsonConvert.DeserializeObject<List<SearchTermRequest>>(s.TermsJson) ?? [], s.Flag, s.Status,
        s.Responsible, s.Substitute, s.CreatedBy, s.CreatedAt, s.UpdatedAt);
}
