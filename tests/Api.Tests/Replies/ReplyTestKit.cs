using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

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

/// <summary>
/// The dispatch register as the replies feature sees it (the <see cref="IDispatchLookup"/> seam; the Dispatch
/// feature implements it over its own table on another branch).
/// </summary>
public sealed class FakeDispatches : IDispatchLookup
{
    private readonly ConcurrentBag<DispatchInfo> _all = new();

    public DispatchInfo Add(string caseNumber, string team, string? category = "Decision", DateTime? sentAt = null)
    {
        var info = new DispatchInfo(Guid.NewGuid(), Guid.NewGuid(), caseNumber, team, "Afgørelse", category,
            sentAt ?? new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));
        _all.Add(info);
        return info;
    }

    public Task<DispatchInfo?> FindByMessageUuidAsync(Guid messageUuid, CancellationToken ct = default) =>
        Task.FromResult(_all.FirstOrDefault(d => d.MessageUuid == messageUuid));

    public Task<DispatchInfo?> FindLatestByCaseNumberAsync(string caseNumber, CancellationToken ct = default) =>
        Task.FromResult(_all.Where(d => d.CaseNumber == caseNumber).OrderByDescending(d => d.SentAt).FirstOrDefault());

    public static ApiFactory Install(ApiFactory api, FakeDispatches dispatches) =>
        api.WithServices(s => s.Replace(ServiceDescriptor.Singleton<IDispatchLookup>(dispatches)));
}
