using System.Net;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// Document metadata on WorkZone's records through OData 4 (<c>/OData4/Records('&lt;ID&gt;')</c>), each write on behalf
/// of the caseworker who acted (<c>OnBehalfOf</c>). A write reads the current value first (with <c>$select</c>), skips it
/// when WorkZone already has it (so a redelivered change is never applied twice), then PATCHes only that one property,
/// with <c>If-Match</c> when WorkZone sent an ETag and without when it did not; 412 → read again and try once more.
/// "SmartPost behandlet" is a record property or a label-keyed sub-table row (e.g. CustomInfos), by configuration.
/// Transient trouble (WorkZone down, 429, our token refused) throws for the outbox to retry; 403/404/400 are refusals
/// with WorkZone's reason in Danish, shown in the reply's history and re-queueable from the dashboard.
/// </summary>
public sealed class WorkZoneRecordsStore(WorkZoneClient client, WorkZoneModelSource models, IOptions<WorkZoneOptions> options)
    : IDocumentMetadataStore
{
    public async Task<MetadataWriteResult> WriteAsync(MetadataChange change, CancellationToken ct)
    {
        if (change.DocumentId.StartsWith("memo:", StringComparison.Ordinal))
        {
            return new(MetadataWriteOutcome.Rejected, "Svaret har intet WorkZone-dokument-id (kom som MeMo uden journalisering).");
        }
        var model = await models.GetAsync(ct);
        var o = options.Value;
        var user = change.ActedBy is null ? null : o.WorkZoneUser(change.ActedBy);
        var record = RecordPath(change.DocumentId);
        return change.Kind switch
        {
            MetadataKind.Handled when o.HandledSubTable is var (navigation, column) =>
                await WriteRowAsync(record, navigation, column, o.HandledLabel!, model.HandledRowsEntitySet!,
                    change.Handled ? new JValue(o.HandledValue) : JValue.CreateNull(), user, ct),
            MetadataKind.Handled => await WritePropertyAsync(record, o.HandledFieldName,
                change.Handled ? new JValue(o.HandledValue) : JValue.CreateNull(), user, ct),
            MetadataKind.Deadline when string.IsNullOrWhiteSpace(o.DeadlineFieldName) => new(MetadataWriteOutcome.Applied, "ingen fristfelt sat op"),
            MetadataKind.Deadline => await WritePropertyAsync(record, o.DeadlineFieldName, DeadlineValue(change.Value!, model.DeadlineIsDate), user, ct),
            MetadataKind.FindingKinds when string.IsNullOrWhiteSpace(o.FindingKindsFieldName) => new(MetadataWriteOutcome.Applied, "intet felt til fund sat op"),
            MetadataKind.FindingKinds => await WritePropertyAsync(record, o.FindingKindsFieldName!, new JValue(change.Value), user, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
    }

    private async Task<MetadataWriteResult> WritePropertyAsync(string record, string field, JToken desired, string? user, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var get = await client.SendAsync(HttpMethod.Get, $"{record}?$select=ID,{field}", null, user, null, ct);
            if (await RefusalAsync(get, user, ct) is { } refused) return refused;
            var current = WorkZoneClient.ParseJson(await get.Content.ReadAsStringAsync(ct));
            if (SameValue(current[field], desired)) return new(MetadataWriteOutcome.Applied, "WorkZone havde allerede værdien.");

            using var patch = await client.SendAsync(HttpMethod.Patch, record, new JObject { [field] = desired }, user, ETag(get, current), ct);
            if (patch.StatusCode == HttpStatusCode.PreconditionFailed) continue; // changed since our read: read again
            return await RefusalAsync(patch, user, ct) ?? new(MetadataWriteOutcome.Applied);
        }
        return new(MetadataWriteOutcome.Conflict, "WorkZone-dokumentet blev ændret samtidig (412 to gange).");
    }

    /// <summary>The label-keyed variant: PATCH the row with the label, or add it when the record has none yet.</summary>
    private async Task<MetadataWriteResult> WriteRowAsync(
        string record, string navigation, string column, string label, string rowsEntitySet, JToken desired, string? user, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var query = $"{record}/{navigation}?$filter=CustomLabel_Value eq {Literal(label)}&$select=ID,{column}";
            using var get = await client.SendAsync(HttpMethod.Get, query, null, user, null, ct);
            if (await RefusalAsync(get, user, ct) is { } refused) return refused;
            var row = WorkZoneClient.ParseJson(await get.Content.ReadAsStringAsync(ct))["value"]?.FirstOrDefault() as JObject;
            if (SameValue(row?[column], desired)) return new(MetadataWriteOutcome.Applied, "WorkZone havde allerede værdien.");

            using var write = row is null
                ? await client.SendAsync(HttpMethod.Post, $"{record}/{navigation}", new JObject { ["CustomLabel_Value"] = label, [column] = desired }, user, null, ct)
                : await client.SendAsync(HttpMethod.Patch, $"{rowsEntitySet}({Literal((string)row["ID"]!)})", new JObject { [column] = desired }, user, ETag(null, row), ct);
            if (write.StatusCode == HttpStatusCode.PreconditionFailed) continue;
            return await RefusalAsync(write, user, ct) ?? new(MetadataWriteOutcome.Applied);
        }
        return new(MetadataWriteOutcome.Conflict, "WorkZone-dokumentet blev ændret samtidig (412 to gange).");
    }

    /// <summary>Null on success; a refusal with WorkZone's reason for 4xx (transient answers were thrown by the client).</summary>
    private static async Task<MetadataWriteResult?> RefusalAsync(HttpResponseMessage response, string? user, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return null;
        var reason = await WorkZoneClient.ReasonAsync(response, ct);
        return new(MetadataWriteOutcome.Rejected, response.StatusCode switch
        {
            HttpStatusCode.Forbidden => $"WorkZone afviste ændringen for {user ?? "SmartPost"}: {reason}",
            HttpStatusCode.NotFound => $"WorkZone kender ikke dokumentet (det kan være slettet eller flyttet): {reason}",
            _ => $"WorkZone afviste ændringen ({(int)response.StatusCode}): {reason}",
        });
    }

    /// <summary>ETag header, else @odata.etag in the body, else none (WorkZone's CSDL declares no concurrency).</summary>
    private static string? ETag(HttpResponseMessage? response, JObject body) =>
        response?.Headers.ETag?.ToString() ?? (string?)body["@odata.etag"];

    private static bool SameValue(JToken? current, JToken desired) =>
        JToken.DeepEquals(current is null || current.Type == JTokenType.Null ? JValue.CreateNull() : current, desired);

    private static JToken DeadlineValue(string date, bool isDate) =>
        isDate ? new JValue(date) : new JValue($"{date}T00:00:00Z");

    private string RecordPath(string id) => $"{options.Value.RecordsEntitySet}({Literal(id)})";

    /// <summary>An OData string literal ('…' with quotes doubled), URL-escaped for the path or query.</summary>
    public static string Literal(string value) => $"'{Uri.EscapeDataString(value.Replace("'", "''"))}'";
}
