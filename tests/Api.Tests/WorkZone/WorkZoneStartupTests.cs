using SmartPost.Api.Tests.Infrastructure;
using static SmartPost.Api.Tests.WorkZone.WorkZoneKit;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>Start-up checks every configured WorkZone name against WorkZone's $metadata.</summary>
public class WorkZoneStartupTests
{
    [Fact]
    public async Task AMisnamedFieldStopsStartUpWithAMessageNamingTheSettingAndTheField()
    {
        await using var standIn = await StartStandInAsync();
        using var api = ApiAgainst(standIn, feed: true)
            .WithSetting("WorkZone:HandledFieldName", "SMARTPOST_BEHANDLT")
            .WithSetting("WorkZone:Feed:OriginField", "Origin_Valu");

        var error = Assert.ThrowsAny<Exception>(() => { api.CreateClient(); });
        var message = error.ToString();
        Assert.Contains("'SMARTPOST_BEHANDLT' (WorkZone:HandledFieldName)", message);
        Assert.Contains("mente du / did you mean 'SMARTPOST_BEHANDLET'", message);
        Assert.Contains("'Origin_Valu' (WorkZone:Feed:OriginField)", message);
        Assert.Contains("WorkZone har ikke", message);
    }

    [Fact]
    public async Task ADeadlineFieldThatIsNotADateStopsStartUp()
    {
        await using var standIn = await StartStandInAsync();
        using var api = ApiAgainst(standIn).WithSetting("WorkZone:DeadlineFieldName", "Title");
        var error = Assert.ThrowsAny<Exception>(() => { api.CreateClient(); });
        Assert.Contains("'Title' (WorkZone:DeadlineFieldName) is Edm.String, not Edm.Date", error.ToString());
    }

    [Fact]
    public async Task AuthenticationModeNoneIsRefusedOutsideDevelopment()
    {
        await using var standIn = await StartStandInAsync();
        using var api = Configure(ApiFactory.Production(), standIn);
        var error = Assert.ThrowsAny<Exception>(() => { api.CreateClient(); });
        Assert.Contains("WorkZone:Auth:Mode=None (no token) is allowed in Development only", error.ToString());
    }

    [Fact]
    public void MissingClientSettingsAreNamed()
    {
        using var api = new ApiFactory().WithSetting("WorkZone:BaseUrl", "http://127.0.0.1:9").WithSetting("WorkZone:HandledFieldName", "X")
            .WithSetting("WorkZone:Auth:Mode", "ClientSecret");
        var error = Assert.ThrowsAny<Exception>(() => { api.CreateClient(); });
        Assert.Contains("WorkZone:Auth:ClientId is required", error.ToString());
    }
}
