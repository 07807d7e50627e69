using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Replies;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Replies;

/// <summary>
/// Catch-all messages (no ReplyData, case number or team) routed by the sender's CPR/CVR or a signed name, against
/// dispatches recorded through the real POST /api/v1/dispatches.
/// </summary>
public class CatchAllRoutingTests
{
    private const string Cpr = "150466-2765";
    private const string CprDigits = "1504662765";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ReplyFromACitizenWeWroteToGoesToTheCaseOfTheNewestDispatchToThem(DatabaseKind kind)
    {
        using var kit = new RoutingKit(kind);
        await kit.DispatchAsync("FS-2026-000101", "team-helbred", "CPR", Cpr, "Else Marie Krogh");
        kit.Clock.Now = kit.Clock.Now.AddDays(10);
        await kit.DispatchAsync("FS-2026-000202", "team-helbred", "CPR", Cpr, "Else Marie Krogh");
        await kit.DispatchAsync("FS-2026-000303", "team-helbred", "CPR", "010190-1234", "Anden Borger");
        kit.Clock.Now = kit.Clock.Now.AddDays(3);

        var body = await kit.ReplyAsync("Jeg har nu sendt lægeerklæringen.", "CPR", Cpr);

        Assert.Equal("SenderRecentDispatch", (string?)body["routing"]);
        Assert.Equal("team-helbred", (string?)body["team"]);
        Assert.Equal("FS-2026-000202", (string?)body["caseNumber"]);
        Assert.Contains("FS-2026-000202", (string?)body["routingReason"]);
        AssertNoCpr((string?)body["routingReason"]);
        AssertNoCpr((await kit.Api.CreateDbContext().Set<Reply>().SingleAsync()).RoutingReason);
    }

    [Fact]
    public async Task ReplyFromACompanyIsRoutedByItsCvrNumber()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-000404", "team-erhverv", "CVR", "29876543", "Vognmand Hansen ApS");
        await kit.DispatchAsync("FS-2026-000505", "team-helbred", "CPR", Cpr, "Else Marie Krogh");

        var body = await kit.ReplyAsync("Vi sender de ønskede oplysninger i næste uge.", "CVR", "29876543");

        Assert.Equal("SenderRecentDispatch", (string?)body["routing"]);
        Assert.Equal("team-erhverv", (string?)body["team"]);
        Assert.Equal("FS-2026-000404", (string?)body["caseNumber"]);
    }

    [Fact]
    public async Task MemoMessageWithoutReplyDataIsRoutedByItsMemoSender()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-000606", "team-udland", "CPR", "150466-1234", "Ole Borger"); // the MeMo kit's sender

        var response = await kit.Client.PostXmlAsync(ReplyTestKit.Memo(Guid.NewGuid(), "besked.txt", "text/plain",
            Encoding.UTF8.GetBytes("Hej, jeg har et spørgsmål til mit kørekort.")));
        var body = await response.ReadJsonAsync();

        Assert.Equal("SenderRecentDispatch", (string?)body["routing"]);
        Assert.Equal("team-udland", (string?)body["team"]);
        Assert.Equal("FS-2026-000606", (string?)body["caseNumber"]);
        Assert.DoesNotContain("1504661234", (string?)body["routingReason"]);
    }

    [Fact]
    public async Task DispatchOlderThanTheWindowDoesNotRouteTheReply()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-000707", "team-helbred", "CPR", Cpr, "Else Marie Krogh");
        kit.Clock.Now = kit.Clock.Now.AddDays(181);

        var body = await kit.ReplyAsync("Mvh\nElse Marie Krogh", "CPR", Cpr);

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.Equal(RoutingKit.DefaultTeam, (string?)body["team"]);
        Assert.Null((string?)body["caseNumber"]);
    }

    [Fact]
    public async Task ConfiguredWindowDecidesHowOldADispatchMayBe()
    {
        using var kit = new RoutingKit(settings: ("Replies:SenderRoutingWindowDays", "365"));
        await kit.DispatchAsync("FS-2026-000808", "team-helbred", "CPR", Cpr, "Else Marie Krogh");
        kit.Clock.Now = kit.Clock.Now.AddDays(300);

        var body = await kit.ReplyAsync("Hvornår hører jeg fra jer?", "CPR", Cpr);

        Assert.Equal("SenderRecentDispatch", (string?)body["routing"]);
        Assert.Equal("FS-2026-000808", (string?)body["caseNumber"]);
    }

    [Fact]
    public async Task SenderWithLettersFromSeveralTeamsGoesToTheDefaultTeamWithTheCandidateCases()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-000909", "team-helbred", "CPR", Cpr, "Else Marie Krogh");
        await kit.DispatchAsync("FS-2026-001010", "team-udland", "CPR", Cpr, "Else Marie Krogh");

        var body = await kit.ReplyAsync("Mvh\nElse Marie Krogh", "CPR", Cpr);

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.Equal(RoutingKit.DefaultTeam, (string?)body["team"]);
        var reason = (string?)body["routingReason"];
        Assert.Contains("FS-2026-000909 (team-helbred)", reason);
        Assert.Contains("FS-2026-001010 (team-udland)", reason);
        AssertNoCpr(reason);
    }

    [Fact]
    public async Task CaseNumberInTheTextWinsOverTheSender()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-001111", "team-helbred", "CPR", Cpr, "Else Marie Krogh");
        await kit.DispatchAsync("FS-2026-001212", "team-udland", "CPR", "010190-1234", "Anden Borger");

        var body = await kit.ReplyAsync("Vedr. sagsnr. FS-2026-001212.", "CPR", Cpr);

        Assert.Equal("CaseNumberInText", (string?)body["routing"]);
        Assert.Equal("team-udland", (string?)body["team"]);
    }

    private static void AssertNoCpr(string? reason)
    {
        Assert.NotNull(reason);
        Assert.DoesNotContain(CprDigits, reason);
        Assert.DoesNotContain(Cpr, reason);
        Assert.DoesNotContain("150466", reason);
    }
}
