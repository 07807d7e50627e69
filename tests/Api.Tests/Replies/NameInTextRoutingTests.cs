using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Replies;

/// <summary>Catch-all messages without a known sender, routed by the full name they are signed with.</summary>
public class NameInTextRoutingTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task MessageSignedWithARecipientsFullNameGoesToThatRecipientsCase(DatabaseKind kind)
    {
        using var kit = new RoutingKit(kind);
        await kit.DispatchAsync("FS-2026-002001", "team-udland", "CPR", "150466-2765", "Hans Jørgen Lassen");
        await kit.DispatchAsync("FS-2026-002002", "team-helbred", "CPR", "010190-1234", "Else Marie Krogh");

        // Sent from another person's Digital Post (a relative's): the sender is not in our register.
        var body = await kit.ReplyAsync("Hej\nJeg vedlægger papirerne.\n\nMvh\nHans Jørgen Lassen", "CPR", "241275-1111");

        Assert.Equal("RecipientNameInText", (string?)body["routing"]);
        Assert.Equal("team-udland", (string?)body["team"]);
        Assert.Equal("FS-2026-002001", (string?)body["caseNumber"]);
        Assert.Contains("FS-2026-002001", (string?)body["routingReason"]);
        Assert.DoesNotContain("1504662765", (string?)body["routingReason"]);
    }

    [Fact]
    public async Task UnlinkedRepliesBeforeAnyDispatchGoToTheDefaultTeam()
    {
        using var kit = new RoutingKit(DatabaseKind.Sqlite);

        var first = await kit.ReplyAsync("Hej\n\nMvh\nHans Jørgen Lassen", "CPR", "241275-1111");
        var second = await kit.ReplyAsync("Hej igen\n\nMvh\nHans Jørgen Lassen", "CPR", "241275-1111");

        Assert.Equal("DefaultTeam", (string?)first["routing"]);
        Assert.Equal("DefaultTeam", (string?)second["routing"]);
    }

    [Theory]
    [InlineData("Søren Åkjær Bøgh", "Venlig hilsen\nSoeren Aakjaer Boegh")]
    [InlineData("Soeren Aakjaer Boegh", "Venlig hilsen\nSØREN ÅKJÆR BØGH")]
    [InlineData("Søren Åkjær Bøgh", "Med venlig hilsen\nSøren Bøgh")]
    [InlineData("Søren Bøgh", "Venlig hilsen\nSøren Åkjær Bøgh")]
    [InlineData("Søren Åkjær Bøgh", "Venlig hilsen\nSøren Å. Bøgh")]
    public async Task NameMatchesAcrossDanishLetterSpellingsAndMiddleNames(string recipientName, string signature)
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002101", "team-helbred", "CPR", "150466-2765", recipientName);

        var body = await kit.ReplyAsync($"Jeg har et spørgsmål.\n\n{signature}");

        Assert.Equal("RecipientNameInText", (string?)body["routing"]);
        Assert.Equal("FS-2026-002101", (string?)body["caseNumber"]);
    }

    [Theory]
    [InlineData("Mvh\nHans")]                          // first name only
    [InlineData("Mvh\nLassen")]                        // last name only
    [InlineData("Mvh\nHans\nLassen")]                  // not one name: split over lines
    [InlineData("Mvh\nLassen Hans")]                   // wrong order
    [InlineData("Mvh\nHans og han er vred på Lassen")] // words between that are no middle names
    [InlineData("Mvh\nHans Peter Lassen")]            // another middle name: another person
    public async Task PartOfANameDoesNotRoute(string signature)
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002201", "team-helbred", "CPR", "150466-2765", "Hans Jørgen Lassen");

        var body = await kit.ReplyAsync($"Jeg har et spørgsmål.\n\n{signature}");

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.Equal(RoutingKit.DefaultTeam, (string?)body["team"]);
    }

    [Fact]
    public async Task NameOnlyInTheQuotedOriginalLetterDoesNotRoute()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002301", "team-helbred", "CPR", "150466-2765", "Hans Jørgen Lassen");

        var body = await kit.ReplyAsync("Hvad betyder det?\n\n--- Oprindelig meddelelse ---\nKære Hans Jørgen Lassen\nVi har modtaget ...");

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
    }

    [Fact]
    public async Task SameNameOnTwoPeopleInDifferentTeamsGoesToTheDefaultTeamWithBothCases()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002401", "team-helbred", "CPR", "150466-2765", "Jens Hansen");
        await kit.DispatchAsync("FS-2026-002402", "team-udland", "CPR", "010190-1234", "Jens Peter Hansen");

        var body = await kit.ReplyAsync("Mvh\nJens Hansen");

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.Equal(RoutingKit.DefaultTeam, (string?)body["team"]);
        var reason = (string?)body["routingReason"];
        Assert.Contains("FS-2026-002401 (team-helbred)", reason);
        Assert.Contains("FS-2026-002402 (team-udland)", reason);
        Assert.DoesNotContain("1504662765", reason);
        Assert.DoesNotContain("0101901234", reason);
    }

    [Fact]
    public async Task SameNameOnTwoPeopleInOneTeamIsStillNotGuessed()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002501", "team-helbred", "CPR", "150466-2765", "Jens Hansen");
        await kit.DispatchAsync("FS-2026-002502", "team-helbred", "CPR", "010190-1234", "Jens Hansen");

        var body = await kit.ReplyAsync("Mvh\nJens Hansen");

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
        Assert.Contains("FS-2026-002502", (string?)body["routingReason"]);
    }

    [Fact]
    public async Task KnownSenderWinsOverANameInTheText()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002601", "team-helbred", "CPR", "150466-2765", "Else Marie Krogh");
        await kit.DispatchAsync("FS-2026-002602", "team-udland", "CPR", "010190-1234", "Hans Jørgen Lassen");

        var body = await kit.ReplyAsync("Jeg skriver på vegne af min nabo.\nMvh\nHans Jørgen Lassen", "CPR", "150466-2765");

        Assert.Equal("SenderRecentDispatch", (string?)body["routing"]);
        Assert.Equal("FS-2026-002601", (string?)body["caseNumber"]);
    }

    [Fact]
    public async Task DispatchRecordedAfterAnEarlierReplyIsFoundByTheNextReply()
    {
        using var kit = new RoutingKit();
        await kit.DispatchAsync("FS-2026-002801", "team-helbred", "CPR", "150466-2765", "Else Marie Krogh");
        Assert.Equal("DefaultTeam", (string?)(await kit.ReplyAsync("Mvh\nHans Jørgen Lassen"))["routing"]);

        kit.Clock.Now = kit.Clock.Now.AddMinutes(1);
        await kit.DispatchAsync("FS-2026-002802", "team-udland", "CPR", "010190-1234", "Hans Jørgen Lassen");
        var body = await kit.ReplyAsync("Mvh\nHans Jørgen Lassen");

        Assert.Equal("RecipientNameInText", (string?)body["routing"]);
        Assert.Equal("FS-2026-002802", (string?)body["caseNumber"]);
    }

    [Fact]
    public async Task NameOfARecipientOutsideTheWindowDoesNotRoute()
    {
        using var kit = new RoutingKit(settings: ("Replies:SenderRoutingWindowDays", "30"));
        await kit.DispatchAsync("FS-2026-002701", "team-helbred", "CPR", "150466-2765", "Hans Jørgen Lassen");
        kit.Clock.Now = kit.Clock.Now.AddDays(31);

        var body = await kit.ReplyAsync("Mvh\nHans Jørgen Lassen");

        Assert.Equal("DefaultTeam", (string?)body["routing"]);
    }
}
