using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

public class SuggestBadInputTests
{
    [Theory]
    [InlineData("documentTitle", null)]
    [InlineData("documentTitle", "  ")]
    [InlineData("text", null)]
    [InlineData("text", "")]
    public async Task MissingOrEmptyFieldIsProblemNamingTheField(string field, string? value)
    {
        var body = SuggestApi.Letter("Afgørelse", "Vi giver dig afslag.");
        body[field] = value;
        await AssertProblemNaming(body, field);
    }

    [Theory]
    [InlineData("chosenOption", "Maybe")]
    [InlineData("chosenOption", "PhysicalMail")]
    public async Task UnknownOrNotChoosableOptionIsProblemNamingTheField(string field, string value)
    {
        var body = SuggestApi.Letter("Afgørelse", "Vi giver dig afslag.");
        body[field] = value;
        await AssertProblemNaming(body, field);
    }

    [Theory]
    [InlineData("CPR", "311399-1234")]
    [InlineData("CPR", "12345")]
    [InlineData("CVR", "1234567")]
    [InlineData("CVR", "ABCDEFGH")]
    public async Task InvalidRecipientIdIsProblemNamingRecipientId(string idType, string id)
    {
        var body = SuggestApi.Letter("Afgørelse", "Vi giver dig afslag.", new { idType, id, digitalPostExempt = false });
        await AssertProblemNaming(body, "recipient.id");
    }

    [Fact]
    public async Task UnknownRecipientIdTypeIsProblemNamingTheField()
    {
        var body = SuggestApi.Letter("Afgørelse", "Vi giver dig afslag.", new { idType = "SSN", id = "150466-2765" });
        await AssertProblemNaming(body, "recipient.idType");
    }

    [Fact]
    public async Task BodyOverOneMegabyteIsPayloadTooLarge()
    {
        using var api = new ApiFactory();
        var body = SuggestApi.Letter("Stort brev", new string('x', 1_100_000));
        var (status, problem) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(), body);
        Assert.Equal(413, status);
        Assert.Equal(413, (int)problem["status"]!);
    }

    private static async Task AssertProblemNaming(JObject body, string field)
    {
        using var api = new ApiFactory();
        var (status, problem) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(), body);
        Assert.Equal(400, status);
        var keys = ((JObject)problem["errors"]!).Properties().Select(p => p.Name).ToList();
        Assert.True(keys.Any(k => string.Equals(k.TrimStart('$', '.'), field, StringComparison.Ordinal)),
            $"errors name {string.Join(", ", keys)}, expected {field}");
    }
}
