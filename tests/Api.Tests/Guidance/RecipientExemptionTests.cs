using SmartPost.Api.Recipients;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>Exempt recipients get physical mail; with digitalPostExempt null the register decides, for CPR and CVR alike.</summary>
public class RecipientExemptionTests
{
    private const string Title = "Kvittering for din henvendelse";
    private const string Text = "Vi har modtaget din henvendelse og vender tilbage.";

    [Fact]
    public async Task ExemptCitizenFoundInRegisterGetsPhysicalMail()
    {
        var register = new TestRegister("0401491566");
        using var api = new ApiFactory().WithRegister(register);
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(),
            SuggestApi.Letter(Title, Text, new { idType = "CPR", id = "040149-1566", digitalPostExempt = (bool?)null }));

        Assert.Equal("PhysicalMail", (string?)body["recommendation"]);
        Assert.Equal("Fysisk post", (string?)body["material"]);
        Assert.Equal("Receipt", (string?)body["category"]);
        Assert.True(SuggestApi.HasCheck(body, "RecipientExempt"));
        Assert.Equal((RecipientIdType.CPR, "0401491566"), Assert.Single(register.Lookups));
    }

    [Fact]
    public async Task ExemptCompanyFoundInRegisterGetsPhysicalMail()
    {
        var register = new TestRegister("24405843");
        using var api = new ApiFactory().WithRegister(register);
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(),
            SuggestApi.Letter(Title, Text, new { idType = "CVR", id = "24405843" }));

        Assert.Equal("PhysicalMail", (string?)body["recommendation"]);
        Assert.Equal((RecipientIdType.CVR, "24405843"), Assert.Single(register.Lookups));
    }

    [Fact]
    public async Task CompanyNotExemptInRegisterGetsDigitalPost()
    {
        using var api = new ApiFactory().WithRegister(new TestRegister("11111111"));
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(),
            SuggestApi.Letter(Title, Text, new { idType = "CVR", id = "24405843" }));

        Assert.Equal("WithoutReply", (string?)body["recommendation"]);
        Assert.False(SuggestApi.HasCheck(body, "RecipientExempt"));
    }

    [Fact]
    public async Task ExemptionStatedInRequestIsNotLookedUp()
    {
        var register = new TestRegister("0401491566");
        using var api = new ApiFactory().WithRegister(register);
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(),
            SuggestApi.Letter(Title, Text, new { idType = "CPR", id = "0401491566", digitalPostExempt = false }));

        Assert.Equal("WithoutReply", (string?)body["recommendation"]);
        Assert.Empty(register.Lookups);
    }

    [Fact]
    public async Task SpecialLawKeepsExemptRecipientOnDigitalPost()
    {
        using var api = new ApiFactory().WithRegister(new TestRegister("0401491566"));
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(), SuggestApi.Letter(
            "Anmodning om lægeerklæring", "Vi skal bede dig sende lægeerklæringen til os senest den 1. maj 2026.",
            new { idType = "CPR", id = "0401491566", specialLawMandatesDigitalPost = true }));

        Assert.Equal("WithReply", (string?)body["recommendation"]);
        var check = body["checks"]!.Single(c => (string)c["code"]! == "RecipientExempt");
        Assert.Equal("Info", (string?)check["severity"]);
    }

    [Fact]
    public async Task FailingRegisterGivesGuidanceWithWarning()
    {
        using var api = new ApiFactory().WithRegister(new TestRegister { Fail = true });
        var (status, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(),
            SuggestApi.Letter(Title, Text, new { idType = "CPR", id = "0401491566" }));

        Assert.Equal(200, status);
        Assert.Equal("WithoutReply", (string?)body["recommendation"]);
        Assert.True(SuggestApi.HasCheck(body, "RecipientStatusUnknown"));
    }
}
