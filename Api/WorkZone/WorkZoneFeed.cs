using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Replies;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// Fetches citizens' replies from WorkZone: every PollInterval, the incoming Digital Post main records created on or
/// after the watermark (filter, order and fields from <see cref="WorkZoneFeedOptions"/>), page by page through
/// @odata.nextLink. Each new record's document and attachments are downloaded, their text extracted and the reply
/// handed to the same <see cref="ReplyIngest"/> as POST /api/v1/replies, keyed on the record ID (its documentId), so
/// a record read twice is stored once. The watermark is saved after a page's records are all stored. A record
/// deleted between list and read is skipped. The responsible unit picks the team (UnitTeams), else the usual linking.
/// </summary>
public sealed class WorkZoneFeed(
    IServiceScopeFactory scopes, IOptions<WorkZoneOptions> options, IOptions<RepliesOptions> limits, WorkZoneStatus status,
    LeaderLease lease, TimeProvider clock, ILogger<WorkZoneFeed> log) : BackgroundService
{
    public const string Actor = "system:workzone";
    public const string LeaseName = "workzone-feed";

    /// <summary>
    /// Polls on one instance at a time: two pollers would read the same pages and race on the same records (the ingest
    /// would still store each once, but WorkZone would be asked twice and the watermark written by both).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        return o.IsConfigured && o.Feed.Enabled
            ? lease.RunWhileLeaderAsync(LeaseName, o.Feed.LeaseCheckInterval, PollWhileLeaderAsync, stoppingToken)
            : Task.CompletedTask;
    }

    /// <summary>Polls every PollInterval until this instance stops or loses the feed lease (<paramref name="ct"/>).</summary>
    private async Task PollWhileLeaderAsync(CancellationToken ct)
    {
        var interval = options.Value.Feed.PollInterval;
        status.Leading(true);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var stored = await PollOnceAsync(ct);
                    status.PollSucceeded();
                    SmartPostTelemetry.FeedPolls.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
                    await RecordPollAsync(null, ct);
                    if (stored > 0) log.LogInformation("WorkZone feed stored {Count} new replies.", stored);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var kind = WorkZoneFeedProgress.FailureKind(e);
                    status.Failed($"Hentning fra WorkZone fejlede: {e.Message}");
                    SmartPostTelemetry.FeedPolls.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                    log.LogWarning(e, "WorkZone feed poll failed ({Kind}); trying again in {Interval}.", kind, interval);
                    await RecordPollAsync(kind, ct);
                }
                await Task.Delay(interval, clock, ct);
            }
        }
        finally
        {
            status.Leading(false);
        }
    }

    /// <summary>Stores the poll's outcome for every instance's health check; a database that is down only costs this record.</summary>
    private async Task RecordPollAsync(string? failure, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var state = await db.Set<WorkZoneFeedState>().FirstOrDefaultAsync(s => s.Name == WorkZoneFeedState.IncomingFeed, ct);
            // No watermark yet (nothing read): an empty one means "start from StartDate".
            if (state is null) db.Add(state = new WorkZoneFeedState { Name = WorkZoneFeedState.IncomingFeed });
            var now = clock.GetUtcNow().UtcDateTime;
            if (failure is null) state.LastPollAt = now;
            else (state.LastFailureAt, state.LastFailure) = (now, failure);
            state.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "WorkZone feed poll outcome not stored (database unavailable?).");
        }
    }

    /// <summary>One poll over every page; returns how many replies were new. Public for benchmarks and tools.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<WorkZoneClient>();
        var model = await scope.ServiceProvider.GetRequiredService<WorkZoneModelSource>().GetAsync(ct);
        var feed = options.Value.Feed;
        var watermark = await LoadWatermarkAsync(model, ct);
        string? url = FirstPage(model, watermark);
        var stored = 0;
        while (url is not null)
        {
            var page = await client.GetJsonAsync(url, ct)
                ?? throw new WorkZoneUnavailableException($"WorkZone svarede 404 på listen af akter ({options.Value.RecordsEntitySet}).");
            var records = (page["value"] as JArray ?? []).OfType<JObject>().ToList();
            stored += await StorePageAsync(client, model, records, ct);
            if (records.Count > 0 && (string?)records[^1][feed.WatermarkField] is { } last && last != watermark)
            {
                watermark = last;
                await SaveWatermarkAsync(last, ct);
            }
            url = (string?)page["@odata.nextLink"];
        }
        return stored;
    }

    private async Task<int> StorePageAsync(WorkZoneClient client, WorkZoneModel model, List<JObject> records, CancellationToken ct)
    {
        var keys = records.Select(r => SourceKey((string)r["ID"]!)).ToList();
        HashSet<string> known;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            known = (await db.Set<Reply>().Where(r => keys.Contains(r.SourceKey)).Select(r => r.SourceKey).ToListAsync(ct)).ToHashSet();
        }
        var fresh = records.Where(r => !known.Contains(SourceKey((string)r["ID"]!))).ToList();
        status.Waiting(fresh.Count);
        var stored = 0;
        foreach (var record in fresh)
        {
            var incoming = await ReadAsync(client, model, record, ct);
            if (incoming is null)
            {
                log.LogInformation("WorkZone record {Id} disappeared between list and read; skipped.", (string?)record["ID"]);
                status.Ingested(null);
                continue;
            }
            await using var scope = scopes.CreateAsyncScope();
            var (_, created) = await scope.ServiceProvider.GetRequiredService<ReplyIngest>().IngestAsync(incoming, Actor, ct);
            if (created)
            {
                stored++;
                SmartPostTelemetry.FeedReplies.Add(1);
            }
            status.Ingested(model.ReceivedAtIsDate ? null : incoming.ReceivedAt);
        }
        await QueueFindingsAsync(keys, ct);
        return stored;
    }

    /// <summary>
    /// The earliest due date (and, when configured, the finding kinds) of each reply in the page, queued for WorkZone
    /// once per reply. Also for replies stored in an earlier, interrupted poll: the page is read again until it completes.
    /// </summary>
    private async Task QueueFindingsAsync(List<string> keys, CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<MetadataOutbox>();
        var wantDeadline = !string.IsNullOrWhiteSpace(o.DeadlineFieldName);
        var wantKinds = !string.IsNullOrWhiteSpace(o.FindingKindsFieldName);
        // Usually empty: only replies with findings whose writes were never queued (SQL does the filtering, every poll).
        var replies = await db.Set<Reply>().AsNoTracking()
            .Where(r => keys.Contains(r.SourceKey)
                        && ((wantDeadline && r.DueDate != null
                             && !db.Set<MetadataOutboxMessage>().Any(m => m.ReplyId == r.Id && m.Kind == MetadataKind.Deadline))
                            || (wantKinds && (r.HasAccessToRecordsRequest || r.HasComplaint || r.HasDeadlineExtensionRequest)
                                && !db.Set<MetadataOutboxMessage>().Any(m => m.ReplyId == r.Id && m.Kind == MetadataKind.FindingKinds))))
            .Select(r => new Reply
            {
                Id = r.Id, SourceKey = r.SourceKey, DocumentId = r.DocumentId, DueDate = r.DueDate, IsHandled = r.IsHandled,
                HandledBy = r.HandledBy, HandledAt = r.HandledAt, HasAccessToRecordsRequest = r.HasAccessToRecordsRequest,
                HasComplaint = r.HasComplaint, HasDeadlineExtensionRequest = r.HasDeadlineExtensionRequest,
            })
            .ToListAsync(ct);
        if (replies.Count == 0) return;
        var ids = replies.Select(r => r.Id).ToList();
        var queued = (await db.Set<MetadataOutboxMessage>().Where(m => ids.Contains(m.ReplyId) && m.Kind != MetadataKind.Handled)
            .Select(m => new { m.ReplyId, m.Kind }).ToListAsync(ct)).Select(m => (m.ReplyId, m.Kind)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = false;
        foreach (var reply in replies)
        {
            if (wantDeadline && reply.DueDate is { } due && !queued.Contains((reply.Id, MetadataKind.Deadline)))
            {
                outbox.EnqueueSystemWrite(reply, MetadataKind.Deadline, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now);
                added = true;
            }
            if (wantKinds && FindingKinds(reply) is { } kinds && !queued.Contains((reply.Id, MetadataKind.FindingKinds)))
            {
                outbox.EnqueueSystemWrite(reply, MetadataKind.FindingKinds, kinds, now);
                added = true;
            }
        }
        if (!added) return;
        await db.SaveChangesAsync(ct);
        outbox.Notify();
    }

    private static string? FindingKinds(Reply reply)
    {
        var kinds = new List<string>();
        if (reply.HasAccessToRecordsRequest) kinds.Add("Aktindsigt");
        if (reply.HasComplaint) kinds.Add("Klage");
        if (reply.HasDeadlineExtensionRequest) kinds.Add("Fristforlængelse");
        return kinds.Count == 0 ? null : "SmartPost: " + string.Join(", ", kinds);
    }

    /// <summary>The record as a reply: main document and attachments with their text; null when the record is gone.</summary>
    private async Task<IncomingReply?> ReadAsync(WorkZoneClient client, WorkZoneModel model, JObject record, CancellationToken ct)
    {
        var o = options.Value;
        var feed = o.Feed;
        var id = (string)record["ID"]!;
        var path = $"{o.RecordsEntitySet}({WorkZoneRecordsStore.Literal(id)})";
        var files = new List<(string Name, string? MediaType, byte[] Bytes, bool IsMain)>();
        string? missing = null;
        var main = await client.TryGetBytesAsync($"{path}/Document/$value", ct);
        if (main.Bytes is not null)
        {
            files.Add((FileName(record, id), MediaType(record, main.MediaType), main.Bytes, true));
        }
        else
        {
            // No content: the record is gone (skip it), or WorkZone holds no file for it (keep it, a person reads it there).
            using (var check = await client.SendAsync(HttpMethod.Get, $"{path}?$select=ID", null, null, null, ct))
            {
                if (check.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
            }
            missing = $"Dokumentet kunne ikke hentes fra WorkZone (svar {(int)main.Status}); læs det i WorkZone og screen manuelt.";
            log.LogWarning("WorkZone record {Id} has no readable document ({Status}); stored for manual screening.", id, (int)main.Status);
        }
        string? next = $"{path}/{feed.AttachmentsNavigation}?$select={Select(model, "ID", "Title", "FileName", "MimeType", "Extension")}";
        while (next is not null)
        {
            // Attachments WorkZone will not list (404 as the main record vanished meanwhile, or not offered) leave the reply as it is.
            var page = await client.TryGetJsonAsync(next, ct);
            if (page is null) break;
            foreach (var attachment in (page["value"] as JArray ?? []).OfType<JObject>())
            {
                var attachmentId = (string)attachment["ID"]!;
                var content = await client.TryGetBytesAsync($"{o.RecordsEntitySet}({WorkZoneRecordsStore.Literal(attachmentId)})/Document/$value", ct);
                if (content.Bytes is null) continue; // deleted between list and read: the rest of the reply still counts
                files.Add((FileName(attachment, attachmentId), MediaType(attachment, content.MediaType), content.Bytes, false));
            }
            next = (string?)page["@odata.nextLink"];
        }

        var read = ReplyFiles.Read(files.Select(f => new ReplyFile(f.Name, f.MediaType ?? "application/octet-stream", f.Bytes, f.IsMain)), limits.Value);
        var manual = missing is null ? read.ManualScreeningReason : string.Join(" ", new[] { missing, read.ManualScreeningReason }.OfType<string>());

        var unit = (string?)record[feed.UnitField];
        var team = unit is not null && feed.UnitTeams.TryGetValue(unit, out var mapped) ? mapped : null;
        return new IncomingReply(
            SourceKey(id), null, id, null, null, Blank((string?)record[feed.CaseField]), team, ReceivedAt(record, model),
            Blank((string?)record["Title"]), read.Text, null, null, read.Documents, manual);
    }

    private DateTimeOffset ReceivedAt(JObject record, WorkZoneModel model)
    {
        var feed = options.Value.Feed;
        var value = (string?)record[string.IsNullOrWhiteSpace(feed.ReceivedAtField) ? feed.WatermarkField : feed.ReceivedAtField]
                    ?? (string?)record[feed.WatermarkField];
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : clock.GetUtcNow();
    }

    private string FirstPage(WorkZoneModel model, string watermark)
    {
        var f = options.Value.Feed;
        var filter = $"{f.RecordTypeField} eq {Quote(f.RecordTypeValue)} and {f.OriginField} eq {Quote(f.OriginValue)}"
                     + $" and {f.MainRecordField} eq null and {f.WatermarkField} ge {watermark}";
        if (!string.IsNullOrWhiteSpace(f.ExtraFilter)) filter += $" and ({f.ExtraFilter})";
        var select = Select(model, "ID", "Title", f.WatermarkField, f.ReceivedAtField, f.CaseField, f.UnitField, "FileName", "MimeType", "Extension");
        return $"{options.Value.RecordsEntitySet}?$filter={Uri.EscapeDataString(filter)}&$orderby={Uri.EscapeDataString(f.WatermarkField + " asc,ID asc")}&$select={select}";
    }

    /// <summary>Only properties the model has: "FileName"/"MimeType" are in KMD's CSDL but cost nothing to leave out.</summary>
    private static string Select(WorkZoneModel model, params string[] names) =>
        string.Join(",", names.Where(n => !string.IsNullOrWhiteSpace(n) && model.Record.FindProperty(n) is not null).Distinct());

    private async Task<string> LoadWatermarkAsync(WorkZoneModel model, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var state = await db.Set<WorkZoneFeedState>().AsNoTracking().FirstOrDefaultAsync(s => s.Name == WorkZoneFeedState.IncomingFeed, ct);
        if (!string.IsNullOrEmpty(state?.Watermark)) return state.Watermark;
        var start = options.Value.Feed.StartDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        return start.ToString(model.WatermarkIsDate ? "yyyy-MM-dd" : "yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
    }

    private async Task SaveWatermarkAsync(string watermark, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var state = await db.Set<WorkZoneFeedState>().FirstOrDefaultAsync(s => s.Name == WorkZoneFeedState.IncomingFeed, ct);
        if (state is null) db.Add(state = new WorkZoneFeedState { Name = WorkZoneFeedState.IncomingFeed });
        state.Watermark = watermark;
        state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static string FileName(JObject record, string id) =>
        Blank((string?)record["FileName"]) ?? (Blank((string?)record["Title"]) ?? id) + (Blank((string?)record["Extension"]) is { } ext ? "." + ext : "");

    private static string? MediaType(JObject record, string? fromResponse) => Blank((string?)record["MimeType"]) ?? fromResponse;

    private static string SourceKey(string id) => $"doc:{id}";

    private static string Quote(string value) => $"'{value.Replace("'", "''")}'";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
