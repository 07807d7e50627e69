using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// Suggestions against the real embedded register (demo CSV seeded in Development), not a test double: catches
/// wiring faults such as a singleton capturing the scoped register/database.
/// </summary>
public class EmbeddedRegisterLookupTests
{
    private const string Text = "Vi skal bede dig sende en lægeerklæring til os senest den 20. april 2026.";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task CitizenExemptInTheRegisterGetsPhysicalMail(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind, seedDemoData: true);
        var (status, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(), SuggestApi.Letter(
            "Anmodning om lægeerklæring", Text, new { idType = "CPR", id = "040349-1566", digitalPostExempt = (bool?)null }));

        Assert.Equal(200, status);
        Assert.Equal("PhysicalMail", (string)body["recommendation"]!);
        Assert.True(SuggestApi.HasCheck(body, "RecipientExempt"));
    }

    [Fact]
    public async Task CompanyExemptInTheRegisterGetsPhysicalMailAndAnotherCompanyDoesNot()
    {
        using var api = new ApiFactory(seedDemoData: true);
        var client = api.CreateCaseworkerClient();

        var (_, exempt) = await SuggestApi.PostAsync(client, SuggestApi.Letter(
            "Anmodning om oplysninger", Text, new { idType = "CVR", id = "31415926" }));
        var (_, notExempt) = await SuggestApi.PostAsync(client, SuggestApi.Letter(
            "Anmodning om oplysninger", Text, new { idType = "CVR", id = "24405843" }));

        Assert.Equal("PhysicalMail", (string)exempt["recommendation"]!);
        Assert.Equal("WithReply", (string)notExempt["recommendation"]!);
    }
}
