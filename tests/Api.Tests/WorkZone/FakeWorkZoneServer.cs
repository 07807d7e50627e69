using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>
/// A local stand-in for WorkZone's OData Records endpoint over real HTTP (Kestrel on 127.0.0.1, random port):
/// GET returns the record with an ETag (header and @odata.etag), PATCH requires a matching If-Match (412 otherwise),
/// and the test can make it answer 503 or 412 a number of times.
/// </summary>
public sealed class FakeWorkZoneServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (JObject Record, int Version)> _records = new();

    public int FailNextRequestsWith503;
    public int RejectNextPatchesWith412;
    public int AppliedPatches;
    /// <summary>Every PATCH received, applied or not (a change delivered twice shows here).</summary>
    public int PatchRequests;
    /// <summary>Added to every answer, to widen the window in which two deliverers could overlap.</summary>
    public TimeSpan Latency = TimeSpan.Zero;

    private FakeWorkZoneServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public static async Task<FakeWorkZoneServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeWorkZoneServer(app);
        app.Map("/OData/OData.svc/{**rest}", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public void AddRecord(string id) => _records[id] = (new JObject { ["ID"] = id, ["Title"] = "Svar" }, 1);

    public JObject Record(string id) => _records[id].Record;

    /// <summary>Someone else edits the record in WorkZone (its ETag changes).</summary>
    public void TouchRecord(string id) => _records.AddOrUpdate(id, _ => throw new KeyNotFoundException(), (_, r) => (r.Record, r.Version + 1));

    private async Task HandleAsync(HttpContext context)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
        if (HttpMethods.IsPatch(context.Request.Method)) Interlocked.Increment(ref PatchRequests);
        if (Interlocked.Decrement(ref FailNextRequestsWith503) >= 0)
        {
            context.Response.StatusCode = 503;
            return;
        }
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        var start = path.IndexOf("Records('", StringComparison.Ordinal);
        if (start < 0 || !path.EndsWith("')", StringComparison.Ordinal)) { context.Response.StatusCode = 404; return; }
        var id = path[(start + 9)..^2].Replace("''", "'");
        if (!_records.TryGetValue(id, out var entry)) { context.Response.StatusCode = 404; return; }
        var etag = $"W/\"{entry.Version}\"";

        if (HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.ETag = etag;
            var body = (JObject)entry.Record.DeepClone();
            body["@odata.etag"] = etag;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToString());
            return;
        }
        if (HttpMethods.IsPatch(context.Request.Method))
        {
            if (context.Request.Headers.IfMatch.ToString() != etag || Interlocked.Decrement(ref RejectNextPatchesWith412) >= 0)
            {
                context.Response.StatusCode = 412;
                return;
            }
            using var reader = new StreamReader(context.Request.Body);
            var patch = JObject.Parse(await reader.ReadToEndAsync());
            var record = (JObject)entry.Record.DeepClone();
            record.Merge(patch, new JsonMergeSettings { MergeNullValueHandling = MergeNullValueHandling.Merge });
            _records[id] = (record, entry.Version + 1);
            Interlocked.Increment(ref AppliedPatches);
            context.Response.StatusCode = 204;
            return;
        }
        context.Response.StatusCode = 405;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
