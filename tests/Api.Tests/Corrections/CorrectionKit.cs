using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Corrections;

/// <summary>Posting corrections the way the pane does: If-Match with the ETag just read.</summary>
public static class CorrectionKit
{
    public static Task<HttpResponseMessage> CorrectAsync(this HttpClient client, long replyId, string kind, string verdict, string? note = null) =>
        client.ChangeAsync(HttpMethod.Post, replyId, "corrections", new { kind, verdict, note });

    public static async Task<JObject> CorrectedAsync(this HttpClient client, long replyId, string kind, string verdict, string? note = null)
    {
        var response = await client.CorrectAsync(replyId, kind, verdict, note);
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    public static async Task<JObject> FlagOf(this HttpClient client, long replyId, string kind) =>
        (JObject)(await (await client.GetAsync($"/api/v1/replies/{replyId}")).ReadJsonAsync())["flags"]!
            .Single(f => (string?)f["kind"] == kind);

    public static Task<HttpResponseMessage> PostRawCorrectionAsync(this HttpClient client, long replyId, object body, string? ifMatch) =>
        client.ChangeAsync(HttpMethod.Post, replyId, "corrections", ifMatch, body);

}
