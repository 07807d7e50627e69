using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Corrections;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Retention;

/// <summary>
/// Removes what the citizen wrote from replies handled more than <see cref="RetentionOptions.DaysAfterHandled"/>
/// days ago: text, subject, search words, the evidence quotes in the flags, attachment contents, and the free-text
/// notes caseworkers wrote when correcting a finding (a note often quotes the citizen). Kept: team, case, routing,
/// flag kinds, verdicts and due dates, claim/handled state, attachment names and sizes, and the audit trail (who did
/// what when), which gains a "ContentPurged" event. A reply whose "behandlet" was undone is not handled and keeps its text.
/// </summary>
public sealed class ReplyContentPurge(AppDb db, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public const string Actor = "system:retention";
    /// <summary>
    /// Purges every due reply, a batch per transaction, walking the replies once in id order; returns how many were
    /// purged. Why the walk: replies purged earlier still match "handled long ago", so starting every batch from the
    /// first reply made a round quadratic in the purged replies (minutes of a full core on a database with years of
    /// replies). The pause between batches leaves the cores to caseworkers' requests while a large backlog goes.
    /// </summary>
    public async Task<int> PurgeDueAsync(CancellationToken ct)
    {
        var total = 0;
        var after = 0L;
        while (true)
        {
            var (purged, lastId) = await PurgeBatchAsync(after, ct);
            total += purged;
            if (purged < options.Value.BatchSize) return total;
            after = lastId;
            await Task.Delay(options.Value.BatchPause, ct);
        }
    }

    private async Task<(int Purged, long LastId)> PurgeBatchAsync(long after, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.DaysAfterHandled);
        var events = db.Set<ReplyEvent>();
        var due = await db.Set<Reply>()
            .Where(r => r.Id > after && r.IsHandled && r.HandledAt <= cutoff
                        && !events.Any(e => e.ReplyId == r.Id && e.Kind == ReplyEventKind.ContentPurged))
            .OrderBy(r => r.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return (0, after);

        var ids = due.Select(r => r.Id).ToList();
        foreach (var document in await db.Set<ReplyDocument>().Where(d => ids.Contains(d.ReplyId)).ToListAsync(ct))
        {
            document.Content = [];
        }
        foreach (var correction in await db.Set<FindingCorrection>().Where(c => ids.Contains(c.ReplyId) && c.Note != null).ToListAsync(ct))
        {
            correction.Note = null;
        }
        foreach (var corrected in await events.Where(e => ids.Contains(e.ReplyId) && e.Kind == ReplyEventKind.FindingCorrected).ToListAsync(ct))
        {
            if (corrected.Detail is { } detail) corrected.Detail = WithoutNote(detail);
        }
        foreach (var reply in due)
        {
            reply.Text = "";
            reply.Subject = null;
            reply.SearchText = "";
            reply.FlagsJson = WithoutEvidence(reply.FlagsJson);
            reply.Version++;
            events.Add(new ReplyEvent
            {
                ReplyId = reply.Id, At = now, Actor = Actor, Kind = ReplyEventKind.ContentPurged,
                Detail = $"Svarets tekst og bilag er slettet {options.Value.DaysAfterHandled} dage efter \"SmartPost behandlet\"; sagen i WorkZone har dem.",
            });
        }
        // A reply changed by a caseworker meanwhile (concurrency token) fails the batch; the next round retries it.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (due.Count, ids[^1]);
    }

    /// <summary>The flags with their quotes from the text and correction notes removed; kind, verdicts, due dates stay.</summary>
    private static string WithoutEvidence(string flagsJson)
    {
        var flags = JArray.Parse(flagsJson);
        foreach (var flag in flags.OfType<JObject>())
        {
            flag["evidence"] = new JArray();
            if (flag[FlagCorrector.CorrectionMember] is JObject correction && correction["note"] is { Type: not JTokenType.Null })
                correction["note"] = null;
        }
        return flags.ToString(Newtonsoft.Json.Formatting.None);
    }

    /// <summary>A correction event's text without the caseworker's note (cut at the marker the corrections endpoint writes).</summary>
    private static string WithoutNote(string detail)
    {
        var at = detail.IndexOf(CorrectionsController.NoteMarker, StringComparison.Ordinal);
        return at < 0 ? detail : detail[..at] + ". Noten er slettet sammen med svarets tekst.";
    }

}
