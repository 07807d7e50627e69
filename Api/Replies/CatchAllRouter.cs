using System.Globalization;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Recipients;
using SmartPost.Api.Text;

namespace SmartPost.Api.Replies;

/// <summary>
/// Routes a catch-all message (a citizen's new message, not "Besvar": no ReplyData, no case number we know) by who
/// sent it: the newest dispatch to the sender's CPR/CVR, else a dispatch recipient whose full name the message is
/// signed with. Both only within <see cref="RepliesOptions.SenderRoutingWindowDays"/>, and never a guess: when the
/// candidates point at more than one team (or, by name, more than one person), the reply goes to the default team
/// with the candidate cases listed so the caseworker can route it by hand. Reasons name case numbers, never a CPR.
/// </summary>
public sealed class CatchAllRouter(IDispatchLookup lookup, RecipientNameIndex names, RepliesOptions options)
{
    private const int MaxCandidatesListed = 10;

    /// <summary>By the sender's CPR/CVR; null when the sender is unknown or got nothing from us in the window.</summary>
    public async Task<ReplyLink?> BySenderAsync(IncomingReply reply, CancellationToken ct)
    {
        if (!TryNormalizeSender(reply, out var idType, out var id)) return null;
        var dispatches = (await lookup.FindLatestByRecipientAsync(idType, id, WindowStart(reply), cancellationToken: ct))
            .Where(d => d.Team is not null).ToList();
        if (dispatches.Count == 0) return null;

        if (dispatches.Select(d => d.Team).Distinct().Count() > 1)
        {
            return Undecided($"Afsenderen har fået breve fra flere teams inden for {options.SenderRoutingWindowDays} dage; " +
                $"fordel svaret manuelt. Mulige sager: {List(dispatches)}.", reply);
        }
        var latest = dispatches[0];
        return new ReplyLink(latest.Team!, latest.CaseNumber, ReplyRouting.SenderRecentDispatch,
            $"Afsenderen fik senest brev på sag {latest.CaseNumber} ({latest.Team}, {Day(latest.SentAt)}); " +
            "fundet ud fra afsenderens CPR/CVR-nummer.", latest);
    }

    /// <summary>By a recipient's full name in the reply's own text (quoted text of our letter, with the address, excluded).</summary>
    public async Task<ReplyLink?> ByNameInTextAsync(IncomingReply reply, CancellationToken ct)
    {
        var text = QuotedText.Mask(reply.Text); // signature kept: that is where the sender's name is
        var tokens = DanishText.Tokenize(text);
        if (tokens.Count < 2) return null;
        // One row per person and team (their newest dispatch): several letters to one person are not ambiguous.
        var matches = (await names.FindInTextAsync(lookup, text, tokens, WindowStart(reply), ct))
            .DistinctBy(m => (m.RecipientKey, m.Dispatch.Team)).ToList();
        if (matches.Count == 0) return null;

        var dispatches = matches.Select(m => m.Dispatch).ToList();
        if (matches.Select(m => m.RecipientKey).Distinct().Count() > 1 || dispatches.Select(d => d.Team).Distinct().Count() > 1)
        {
            return Undecided("Navne i teksten passer på modtagere af breve fra flere teams eller på flere personer; " +
                $"fordel svaret manuelt. Mulige sager: {List(dispatches)}.", reply);
        }
        var match = matches[0];
        return new ReplyLink(match.Dispatch.Team!, match.Dispatch.CaseNumber, ReplyRouting.RecipientNameInText,
            $"Navnet {match.RecipientName} i teksten er modtageren af sag {match.Dispatch.CaseNumber} " +
            $"({match.Dispatch.Team}, {Day(match.Dispatch.SentAt)}).", match.Dispatch);
    }

    private DateTime WindowStart(IncomingReply reply) =>
        reply.ReceivedAt.UtcDateTime.AddDays(-options.SenderRoutingWindowDays);

    private ReplyLink Undecided(string reason, IncomingReply reply) =>
        new(options.DefaultTeam, reply.CaseNumber, ReplyRouting.DefaultTeam, reason, null);

    private static string List(IEnumerable<DispatchInfo> dispatches) => string.Join(", ", dispatches
        .Select(d => $"{d.CaseNumber} ({d.Team})").Distinct().Take(MaxCandidatesListed));

    private static string Day(DateTime utc) => DanishTime.Date(utc);

    /// <summary>MeMo senders arrive as written (maybe "150466-1234"); the dispatch register stores the canonical form.</summary>
    private static bool TryNormalizeSender(IncomingReply reply, out RecipientIdType idType, out string id)
    {
        id = "";
        if (!Enum.TryParse(reply.SenderIdType, ignoreCase: true, out idType) || !Enum.IsDefined(idType) || !RecipientId.IsValid(idType, reply.SenderId)) return false;
        id = RecipientId.Normalize(idType, reply.SenderId!);
        return true;
    }
}
