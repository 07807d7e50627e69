using Microsoft.Extensions.Options;
using SmartPost.Api.Dispatch;

namespace SmartPost.Api.Replies;

/// <summary>Where a reply belongs, how we know, and the dispatch it answers (for appeal deadlines).</summary>
public sealed record ReplyLink(string Team, string? CaseNumber, ReplyRouting Routing, string Reason, DispatchInfo? Dispatch);

/// <summary>
/// Links a reply to its case and team: through the dispatch it answers (MeMo ReplyData), the case number or team
/// it came with, a case number quoted in the text (catch-all case), or else the configured default team.
/// </summary>
public sealed class ReplyLinker(IServiceProvider services, IOptions<RepliesOptions> options)
{
    // Dispatch is a sibling feature; until it registers a lookup, linking falls back to the given data.
    private IDispatchLookup? Dispatches => services.GetService<IDispatchLookup>();

    public async Task<ReplyLink> LinkAsync(IncomingReply reply, CancellationToken ct)
    {
        if (reply.AnswersMessageUuid is { } answered && Dispatches is { } lookup
            && await lookup.FindByMessageUuidAsync(answered, ct) is { } dispatch)
        {
            var team = dispatch.Team ?? reply.Team;
            if (team is not null)
            {
                return new ReplyLink(team, dispatch.CaseNumber, ReplyRouting.ReplyData,
                    $"Svar på forsendelse {dispatch.DispatchId} (ReplyData {answered}).", dispatch);
            }
        }

        if (!string.IsNullOrWhiteSpace(reply.Team))
        {
            var given = reply.CaseNumber is null ? null : await FindByCaseAsync(reply.CaseNumber, ct);
            return new ReplyLink(reply.Team, reply.CaseNumber, ReplyRouting.GivenTeam, "Team angivet ved modtagelsen.", given);
        }

        if (!string.IsNullOrWhiteSpace(reply.CaseNumber) && await FindByCaseAsync(reply.CaseNumber, ct) is { Team: { } caseTeam } byCase)
        {
            return new ReplyLink(caseTeam, reply.CaseNumber, ReplyRouting.GivenCaseNumber,
                $"Sag {reply.CaseNumber} blev sendt af {caseTeam}.", byCase);
        }

        foreach (var candidate in CaseNumberFinder.Find(reply.Subject, reply.Text))
        {
            if (await FindByCaseAsync(candidate, ct) is { Team: { } textTeam } inText)
            {
                return new ReplyLink(textTeam, inText.CaseNumber, ReplyRouting.CaseNumberInText,
                    $"Sagsnummer {candidate} fundet i teksten.", inText);
            }
        }

        var why = reply.AnswersMessageUuid is not null
            ? $"Ingen kendt forsendelse med messageUUID {reply.AnswersMessageUuid}, og intet kendt sagsnummer i teksten."
            : "Ikke et svar på en kendt forsendelse, og intet kendt sagsnummer i teksten.";
        return new ReplyLink(options.Value.DefaultTeam, reply.CaseNumber, ReplyRouting.DefaultTeam, why, null);
    }

    private async Task<DispatchInfo?> FindByCaseAsync(string caseNumber, CancellationToken ct) =>
        Dispatches is { } lookup ? await lookup.FindLatestByCaseNumberAsync(caseNumber, ct) : null;
}
