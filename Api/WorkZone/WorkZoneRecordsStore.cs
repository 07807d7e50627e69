using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// "SmartPost behandlet" on WorkZone's document metadata through OData: documents are <c>Records</c>, keys are
/// strings. Read the record for its ETag (ETag header or <c>@odata.etag</c>), then PATCH only the field with
/// <c>If-Match</c> (OData update convention). 412 → re-read and try once more, then report a conflict.
/// A record that already has the value is not written again, so a redelivered change is harmless.
/// 5xx and network errors throw <see cref="HttpRequestException"/> for the outbox to retry.
/// </summary>
public sealed class WorkZoneRecordsStore(HttpClient http, IOptions<WorkZoneOptions> options) : IDocumentMetadataStore
{
    public async Task<MetadataWriteResult> WriteAsync(MetadataChange change, CancellationToken ct)
    {
        if (change.DocumentId.StartsWith("memo:", StringComparison.Ordinal))
        {
            return new(MetadataWriteOutcome.Rejected, "Svaret har intet WorkZone-dokument-id (kom som MeMo uden journalisering).");
        }
        var field = options.Value.HandledFieldName;
        JToken desired = change.Handled ? new JValue(options.Value.HandledValue) : JValue.CreateNull();
        var uri = RecordUri(change.DocumentId);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var get = await http.GetAsync(uri, ct);
            if (Refusal(get) is { } refused) return refused;
            var record = JObject.Parse(await get.Content.ReadAsStringAsync(ct));
            if (JToken.DeepEquals(record[field] ?? JValue.CreateNull(), desired))
            {
                return new(MetadataWriteOutcome.Applied, "WorkZone havde allerede værdien.");
            }
            var etag = get.Headers.ETag?.ToString() ?? (string?)record["@odata.etag"];

            using var patch = new HttpRequestMessage(HttpMethod.Patch, uri)
            {
                Content = new StringContent(new JObject { [field] = desired }.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json"),
            };
            if (etag is not null) patch.Headers.TryAddWithoutValidation("If-Match", etag);
            patch.Headers.Add("Idempotency-Key", change.DeliveryKey.ToString());
            using var response = await http.SendAsync(patch, ct);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed) continue; // changed since our GET: read again
            return Refusal(response) ?? new(MetadataWriteOutcome.Applied);
        }
        return new(MetadataWriteOutcome.Conflict, "WorkZone-dokumentet blev ændret samtidig (412 to gange).");
    }

    /// <summary>OData key syntax: Records('id') with quotes doubled, then URL-escaped.</summary>
    private Uri RecordUri(string documentId)
    {
        var root = options.Value.BaseUrl!.ToString().TrimEnd('/') + "/";
        return new Uri(new Uri(root), $"OData/OData.svc/Records('{Uri.EscapeDataString(documentId.Replace("'", "''"))}')");
    }

    /// <summary>Null on success; a permanent refusal for 4xx; throws for 5xx so the outbox retries.</summary>
    private static MetadataWriteResult? Refusal(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return null;
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException($"WorkZone svarede {status}.", null, response.StatusCode);
        }
        return new(MetadataWriteOutcome.Rejected, $"WorkZone afviste med {status} {response.ReasonPhrase}.");
    }
}
