using System.Net;
using System.Text;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Authorization;

/// <summary>GET /api/v1/replies?documentId=|messageUuid=: the add-in's "which reply is this document?".</summary>
public class ReplyLookupTests
{
    [Fact]
    public async Task MemberFindsTheReplyByDocumentId()
    {
        using var api = new ApiFactory();
        var member = api.CreateCaseworkerClient("cw-anna", "team-a");
        await member.IngestAsync("D-OTHER", "team-a", "Andet svar");
        var reply = await member.IngestAsync("D2026-004711", "team-a", "Jeg vil have aktindsigt.");

        var response = await member.GetAsync("/api/v1/replies?documentId=D2026-004711");
        var found = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((long)reply["id"]!, (long)found["id"]!);
        Assert.Equal("Jeg vil have aktindsigt.", (string?)found["text"]);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task MemberFindsAMemoReplyByMessageUuid()
    {
        using var api = new ApiFactory().WithSetting("Replies:DefaultTeam", "team-a");
        var member = api.CreateCaseworkerClient("cw-anna", "team-a");
        var uuid = Guid.NewGuid();
        (await member.PostXmlAsync(ReplyTestKit.Memo(uuid, "svar.txt", "text/plain", Encoding.UTF8.GetBytes("Jeg klager.")))).EnsureSuccessStatusCode();

        var found = await (await member.GetAsync($"/api/v1/replies?messageUuid={uuid.ToString().ToUpperInvariant()}")).ReadJsonAsync();

        Assert.Equal(uuid, (Guid)found["messageUuid"]!);
    }

    [Fact]
    public async Task OutsiderIsForbiddenAndUnknownDocumentIsNotFound()
    {
        using var api = new ApiFactory();
        await api.CreateCaseworkerClient("cw-anna", "team-a").IngestAsync("D-1", "team-a", "Aktindsigt", subject: "Hemmeligt emne");
        var outsider = api.CreateCaseworkerClient("cw-bo", "team-b");

        var forbidden = await outsider.GetAsync("/api/v1/replies?documentId=D-1");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("Hemmeligt", await forbidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/api/v1/replies?documentId=D-404")).StatusCode);
    }

    [Theory]
    [InlineData("", "documentId")]
    [InlineData("?documentId=D-1&messageUuid=6f1c2d3e-0000-4000-8000-000000000001", "documentId")]
    [InlineData("?messageUuid=not-a-uuid", "messageUuid")]
    public async Task BadLookupIsRejectedNamingTheField(string query, string field)
    {
        using var api = new ApiFactory();

        var response = await api.CreateCaseworkerClient("cw-anna", "team-a").GetAsync("/api/v1/replies" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task RedeliveryByAnOutsiderReturnsTheIdButNothingAboutTheReply()
    {
        using var api = new ApiFactory();
        var member = api.CreateCaseworkerClient("cw-anna", "team-a");
        var first = await member.IngestAsync("D-1", "team-a", "Jeg vil have aktindsigt.");
        var outsider = api.CreateCaseworkerClient("cw-bo", "team-b");

        var (response, body) = await outsider.PostJsonReplyAsync(new { documentId = "D-1", team = "team-b", text = "gættet" });
        var (again, memberBody) = await member.PostJsonReplyAsync(new { documentId = "D-1", team = "team-a", text = "igen" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((long)first["id"]!, (long)body["id"]!);
        Assert.False((bool)body["created"]!);
        Assert.Null(body["team"]);
        Assert.Null(body["flags"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("team-a", (string?)memberBody["team"]);
    }
}
