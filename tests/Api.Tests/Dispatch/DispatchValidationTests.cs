using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Dispatch;

public class DispatchValidationTests
{
    /// <summary>Posts a request changed by <paramref name="change"/>; asserts 400 naming <paramref name="field"/> and nothing stored.</summary>
    private static async Task AssertRejectedAsync(Action<JObject> change, string field, params string[] teams)
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var request = DispatchRequests.Valid();
        change(request);

        var response = await api.CreateCaseworkerClient("cw-anna", teams).PostDispatchAsync(request, idempotencyKey: "key-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        var errors = (JObject)(await response.JsonAsync())["errors"]!;
        Assert.Contains(errors.Properties(), p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Set<DispatchRecord>().CountAsync());
        Assert.Equal(0, await db.Set<DispatchAuditEvent>().CountAsync());
    }

    [Theory]
    [InlineData("documentId")]
    [InlineData("caseNumber")]
    [InlineData("documentTitle")]
    public async Task EmptyTopLevelFieldIsRejected(string field) =>
        await AssertRejectedAsync(r => r[field] = "  ", field);

    [Theory]
    [InlineData("documentId")]
    [InlineData("caseNumber")]
    [InlineData("documentTitle")]
    [InlineData("recipient")]
    [InlineData("suggestedOption")]
    [InlineData("chosenOption")]
    [InlineData("letter")]
    public async Task MissingFieldIsRejected(string field) =>
        await AssertRejectedAsync(r => r.Remove(field), field);

    [Theory]
    [InlineData("idType", "recipient.idType")]
    [InlineData("id", "recipient.id")]
    [InlineData("name", "recipient.name")]
    public async Task MissingRecipientFieldIsRejected(string property, string field) =>
        await AssertRejectedAsync(r => ((JObject)r["recipient"]!).Remove(property), field);

    [Theory]
    [InlineData("fileName", "letter.fileName")]
    [InlineData("contentType", "letter.contentType")]
    [InlineData("contentBase64", "letter.contentBase64")]
    public async Task EmptyLetterFieldIsRejected(string property, string field) =>
        await AssertRejectedAsync(r => r["letter"]![property] = "", field);

    [Theory]
    [InlineData("CPR", "310299-1234")] // 31 February
    [InlineData("CPR", "15046627")]
    [InlineData("CPR", "150466-27a5")]
    [InlineData("CVR", "1234567")]
    [InlineData("CVR", "02345678")]
    public async Task InvalidRecipientIdIsRejected(string idType, string id) =>
        await AssertRejectedAsync(r => { r["recipient"]!["idType"] = idType; r["recipient"]!["id"] = id; }, "recipient.id");

    [Fact]
    public async Task UnknownIdTypeIsRejected() =>
        await AssertRejectedAsync(r => r["recipient"]!["idType"] = "EAN", "recipient.idType");

    [Fact]
    public async Task UnknownReplyOptionIsRejected() =>
        await AssertRejectedAsync(r => r["chosenOption"] = "Maybe", "chosenOption");

    [Fact]
    public async Task InvalidBase64IsRejected() =>
        await AssertRejectedAsync(r => r["letter"]!["contentBase64"] = "this is not base64!", "letter.contentBase64");

    [Fact]
    public async Task ContentTypeThatIsNoMimeTypeIsRejected() =>
        await AssertRejectedAsync(r => r["letter"]!["contentType"] = "pdf", "letter.contentType");

    [Fact]
    public async Task TitleLongerThanMemoLabelIsRejected() =>
        await AssertRejectedAsync(r => r["documentTitle"] = new string('a', 257), "documentTitle");

    [Fact]
    public async Task ChoiceDifferentFromSuggestionWithoutReasonIsRejected() =>
        await AssertRejectedAsync(r => { r["chosenOption"] = "WithoutReply"; r["replyBy"] = null; }, "overrideReason");

    [Fact]
    public async Task ChoiceDifferentFromSuggestionWithReasonIsAcceptedAndStored()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var request = DispatchRequests.Valid();
        request["suggestedOption"] = "WithoutReply";
        request["overrideReason"] = "Borgeren skal kunne sende dokumentation";

        var response = await api.CreateCaseworkerClient().PostDispatchAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Borgeren skal kunne sende dokumentation", (string)(await response.JsonAsync())["overrideReason"]!);
    }

    [Theory]
    [InlineData("WithoutReply")]
    [InlineData("PhysicalMail")]
    public async Task ReplyByWithoutReplyOptionIsRejected(string option) =>
        await AssertRejectedAsync(r => { r["suggestedOption"] = option; r["chosenOption"] = option; }, "replyBy");

    [Fact]
    public async Task ReplyByInThePastIsRejected() =>
        await AssertRejectedAsync(r => r["replyBy"] = "2026-03-01", "replyBy");

    [Fact]
    public async Task ReplyByThatIsNoDateIsRejected() =>
        await AssertRejectedAsync(r => r["replyBy"] = "20. april", "replyBy");

    [Fact]
    public async Task TeamTheCallerIsNotInIsRejected() =>
        await AssertRejectedAsync(r => r["team"] = "team-other", "team", "team-a");

    [Fact]
    public async Task MalformedIdempotencyKeyIsRejected()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var response = await api.CreateCaseworkerClient().PostDispatchAsync(DispatchRequests.Valid(), new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (JObject)(await response.JsonAsync())["errors"]!;
        Assert.Contains(errors.Properties(), p => p.Name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ReplyByTodayIsAccepted()
    {
        using var api = new ApiFactory().WithClock(new FixedClock(DispatchRequests.Now));
        var request = DispatchRequests.Valid();
        request["replyBy"] = "2026-03-02";
        Assert.Equal(HttpStatusCode.Created, (await api.CreateCaseworkerClient().PostDispatchAsync(request)).StatusCode);
    }
}
