using System.Net.Http.Json;
using System.Text;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Replies;

/// <summary>Helpers for posting replies and reading JSON in the replies/teams/WorkZone tests.</summary>
public static class ReplyTestKit
{
    public static async Task<(HttpResponseMessage Response, JObject Body)> PostJsonReplyAsync(
        this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/replies", body);
        return (response, await response.ReadJsonAsync());
    }

    public static async Task<JObject> IngestAsync(this HttpClient client, string documentId, string team, string text,
        DateTimeOffset? receivedAt = null, string? subject = null)
    {
        var (response, body) = await client.PostJsonReplyAsync(new { documentId, team, text, subject, receivedAt });
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    /// <summary>A reply state change (claim, handled, …) sent the way the panes send it: If-Match with the ETag just read.</summary>
    public static async Task<HttpResponseMessage> ChangeAsync(
        this HttpClient client, HttpMethod method, long replyId, string action, object? body = null)
    {
        var etag = (await client.GetAsync($"/api/v1/replies/{replyId}")).Headers.ETag;
        return await client.ChangeAsync(method, replyId, action, etag?.Tag, body);
    }

    /// <summary>A reply state change with a given If-Match (null: none).</summary>
    public static Task<HttpResponseMessage> ChangeAsync(
        this HttpClient client, HttpMethod method, long replyId, string action, string? ifMatch, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/replies/{replyId}/{action}");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) request.Content = JsonContent.Create(body);
        return client.SendAsync(request);
    }

    public static async Task<JObject> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JObject() : JToken.Parse(text) as JObject ?? new JObject { ["items"] = JArray.Parse(text) };
    }

    public static Task<HttpResponseMessage> PostXmlAsync(this HttpClient client, string xml) =>
        client.PostAsync("/api/v1/replies", new StringContent(xml, Encoding.UTF8, "application/xml"));

    public static string Memo(Guid messageUuid, string mainFile, string mediaType, byte[] content, Guid? answers = null,
        string? caseId = null, string label = "Svar på brev", string additional = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.1" memoSchVersion="1.1.0">
          <memo:MessageHeader>
            <memo:messageType>DIGITALPOST</memo:messageType>
            <memo:messageUUID>{messageUuid}</memo:messageUUID>
            <memo:label>{label}</memo:label>
            <memo:reply>false</memo:reply>
            <memo:Sender><memo:senderID>1504661234</memo:senderID><memo:idType>CPR</memo:idType><memo:label>Borger</memo:label></memo:Sender>
            <memo:Recipient><memo:recipientID>12345678</memo:recipientID><memo:idType>CVR</memo:idType></memo:Recipient>
            {(caseId is null ? "" : $"<memo:ContentData><memo:CaseID><memo:caseID>{caseId}</memo:caseID><memo:caseSystem>WorkZone</memo:caseSystem></memo:CaseID></memo:ContentData>")}
            {(answers is null ? "" : $"<memo:ReplyData><memo:messageUUID>{answers}</memo:messageUUID></memo:ReplyData>")}
          </memo:MessageHeader>
          <memo:MessageBody>
            <memo:createdDateTime>2026-11-20T10:00:00Z</memo:createdDateTime>
            <memo:MainDocument>
              <memo:label>Svar</memo:label>
              <memo:File>
                <memo:encodingFormat>{mediaType}</memo:encodingFormat>
                <memo:filename>{mainFile}</memo:filename>
                <memo:language>da</memo:language>
                <memo:content>{Convert.ToBase64String(content)}</memo:content>
              </memo:File>
            </memo:MainDocument>
            {additional}
          </memo:MessageBody>
        </memo:Message>
        """;
}
