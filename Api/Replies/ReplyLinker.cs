using Microsoft.Extensions.Options;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Screening;

namespace SmartPost.Api.Replies;

/// <summary>Where a reply belongs, how we know, and the dispatch it answers (for appeal deadlines).</summary>
public sealed record ReplyLink(string Team, string? CaseNumber, ReplyRouting Routing, string Reason, DispatchInfo? Dispatch);

/// <summary>
/// Links a reply to its case and team. The first rule that gives an answer wins, from the most to the least certain:
/// <list type="number">
/// <item>MeMo ReplyData → the dispatch it answers ("Besvar"): Digital Post itself says which letter this is.</item>
/// <item>The case number / team it came with (journalized in WorkZone): a person or WorkZone already decided.</item>
/// <item>A case number quoted in the text that we dispatched on: the citizen names the case.</item>
/// <item>The newest dispatch to the sender's CPR/CVR (within the window): the sender is certain, which case is an
/// inference — only when all those letters came from one team.</item>
/// <item>A dispatch recipient's full name in the text (a signature): weakest, names are neither unique nor
/// authenticated — only when exactly one person and team match.</item>
/// <item>Otherwise the configured default team, visibly marked, with the reason (and candidate cases, if any).</item>
/// </list>
/// Rules 4 and 5 live in <see cref="CatchAllRouter"/>; an ambiguous match there stops the chain at the default team
/// rather than letting a weaker rule guess.
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

        if (Dispatches is { } dispatches)
        {
            var router = new CatchAllRouter(dispatches, services.GetService<RecipientNameIndex>() ?? new RecipientNameIndex(), options.Value);
            if (await router.BySenderAsync(reply, ct) is { } bySender) return bySender;
            if (await router.ByNameInTextAsync(reply, ct) is { } byName) return byName;
        }

        var why = reply.AnswersMessageUuid is not null
            ? $"Ingen kendt forsendelse med messageUUID {reply.AnswersMessageUuid}, intet kendt sagsnummer i teksten, og afsenderen kan ikke genkendes."
            : "Ikke et svar på en kendt forsendelse, intet kendt sagsnummer i teksten, og afsenderen kan ikke genkendes.";
        return new ReplyLink(options.Value.DefaultTeam, reply.CaseNumber, ReplyRouting.DefaultTeam, why, null);
    }

    private async Task<DispatchInfo?> FindByCaseAsync(string caseNumber, CancellationToken ct) =>
        Dispatches is { } lookup ? await lookup.FindLatestByCaseNumberAsync(caseNumber, ct) : null;
}
