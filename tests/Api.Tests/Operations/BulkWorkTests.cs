using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Infrastructure.BulkWork;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Operations;

/// <summary>
/// Ingest is bulk work: deliveries are admitted a few at a time and run on the bulk lane, so the caseworkers' requests
/// are answered while it is full, and a delivery with no room left is refused whole with a Danish 503 and Retry-After.
/// </summary>
public class BulkWorkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DeliveryBeyondTheQueueGets503WithRetryAfterIsNotStoredAndTheInboxStillAnswers()
    {
        using var api = new ApiFactory().WithSetting("BulkWork:Concurrency", "1").WithSetting("BulkWork:QueueLimit", "1")
            .WithSetting("BulkWork:RetryAfter", "00:00:07");
        var sender = api.CreateCaseworkerClient("integration", "team-a");
        var caseworker = api.CreateCaseworkerClient("cw-anna", "team-a");
        await sender.IngestAsync("WZ-0", "team-a", "Hej");
        var admission = api.Services.GetRequiredService<BulkAdmission>();

        // The first delivery is admitted and then sends its body only when the test lets it: it holds the one place.
        // (The factory's usual client buffers a body before sending, to replay it on a redirect; the server's own does not.)
        var streaming = api.Server.CreateClient();
        streaming.DefaultRequestHeaders.Add("X-Dev-User", "integration");
        streaming.DefaultRequestHeaders.Add("X-Dev-Teams", "team-a");
        var body = new HeldBody("""{"documentId":"WZ-1","team":"team-a","text":"Jeg vil gerne have aktindsigt."}""");
        var first = streaming.PostAsync("/api/v1/replies", body);
        await WaitUntilAsync(() => Stats(admission).CurrentAvailablePermits == 0);
        var second = sender.PostJsonReplyAsync(new { documentId = "WZ-2", team = "team-a", text = "Hej" });
        await WaitUntilAsync(() => Stats(admission).CurrentQueuedCount == 1);

        var third = await sender.PostJsonReplyAsync(new { documentId = "WZ-3", team = "team-a", text = "Hej" });
        var inbox = await caseworker.GetAsync("/api/v1/teams/team-a/replies");
        var lookupWhileFull = await caseworker.GetAsync("/api/v1/replies?documentId=WZ-0");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.Response.StatusCode);
        Assert.Equal("application/problem+json", third.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(7), third.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("Der modtages mange svar lige nu, så dette svar er ikke gemt. Send det igen om 7 sekunder.", (string?)third.Body["detail"]);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lookupWhileFull.StatusCode);
        Assert.False(first.IsCompleted || second.IsCompleted);

        body.Release();
        Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caseworker.GetAsync("/api/v1/replies?documentId=WZ-3")).StatusCode);
        var items = (JArray)(await (await caseworker.GetAsync("/api/v1/teams/team-a/replies")).ReadJsonAsync())["items"]!;
        Assert.Equal(3, items.Count);
        // The sender delivers the refused reply again, as told: it is stored once.
        Assert.Equal(HttpStatusCode.Created, (await sender.PostJsonReplyAsync(new { documentId = "WZ-3", team = "team-a", text = "Hej" })).Response.StatusCode);
    }

    [Fact]
    public async Task InboxAnswersWhileTheLaneIsBusyAndTheWaitingReplyIsScreenedInFullAfterwards()
    {
        // One lane thread, taken by other bulk work for longer than the 1 s screening budget: the delivery waits (it is
        // not run beside it on the thread pool), the inbox is answered meanwhile, and waiting is not a slow screening.
        using var api = new ApiFactory().WithSetting("BulkWork:Threads", "1").WithSetting("Replies:ScreeningTimeout", "00:00:01");
        var client = api.CreateCaseworkerClient("cw-anna", "team-a", "team-postmodtagelse");
        await client.IngestAsync("D-WARM", "team-a", "Jeg vil gerne have aktindsigt."); // the first screening loads the model
        var lane = api.Services.GetRequiredService<BulkWorkLane>();
        using var busy = new ManualResetEventSlim();
        var other = lane.RunAsync(() => { busy.Wait(); return Task.FromResult(0); }, CancellationToken.None);

        Task<JObject> waiting;
        try
        {
            waiting = client.IngestAsync("D-QUEUED", "team-a", "Jeg vil gerne have aktindsigt i sagen.");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/teams/team-a/replies")).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(waiting.IsCompleted, "the reply was ingested while the only lane thread was taken");
        }
        finally
        {
            busy.Set();
        }
        await other;
        var stored = await waiting;

        var detail = await (await client.GetAsync($"/api/v1/replies/{stored["id"]}")).ReadJsonAsync();
        Assert.False((bool)detail["needsManualScreening"]!, (string?)detail["manualScreeningReason"]);
        Assert.Contains(detail["flags"]!, f => (string?)f["kind"] == "AccessToRecordsRequest");
    }

    private static System.Threading.RateLimiting.RateLimiterStatistics Stats(BulkAdmission admission) =>
        admission.GetStatistics(new DefaultHttpContext { Request = { Method = "POST", Path = "/api/v1/replies" } })!;

    /// <summary>Waits for a state the test set up to be reached; not a timing assertion (the deadline only ends a hang).</summary>
    private static async Task WaitUntilAsync(Func<bool> reached)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!reached())
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected state was not reached");
            await Task.Delay(10);
        }
    }

    /// <summary>A JSON body that is sent only after <see cref="Release"/>: its request holds its admission meanwhile.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly string json;

        public HeldBody(string json)
        {
            this.json = json;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await _released.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(json));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(json);
            return true;
        }

    }
}
