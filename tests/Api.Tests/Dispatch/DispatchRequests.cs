using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Dispatch;

/// <summary>Builds dispatch requests for tests; each test changes only what it is about.</summary>
public static class DispatchRequests
{
    /// <summary>Monday 2 March 2026, 09:00 in Copenhagen.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static JObject Valid(string documentId = "D2026-004711", string idType = "CPR", string id = "150466-2765") => new()
    {
        ["documentId"] = documentId,
        ["caseNumber"] = "FST-2026-01234",
        ["documentTitle"] = "Anmodning om lægeerklæring",
        ["recipient"] = new JObject { ["idType"] = idType, ["id"] = id, ["name"] = "Else Marie Krogh" },
        ["suggestedOption"] = "WithReply",
        ["chosenOption"] = "WithReply",
        ["replyBy"] = "2026-04-20",
        ["category"] = "ExpectsReply",
        ["letter"] = new JObject
        {
            ["fileName"] = "laegeerklaering.pdf",
            ["contentType"] = "application/pdf",
            ["contentBase64"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.7 Kære Else Marie Krogh")),
        },
    };

    public static Task<HttpResponseMessage> PostDispatchAsync(this HttpClient client, JObject body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dispatches")
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JObject> JsonAsync(this HttpResponseMessage response) =>
        JObject.Parse(await response.Content.ReadAsStringAsync());

    public static async Task<JArray> JsonArrayAsync(this HttpResponseMessage response) =>
        JArray.Parse(await response.Content.ReadAsStringAsync());

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}

/// <summary>A clock the test sets.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
