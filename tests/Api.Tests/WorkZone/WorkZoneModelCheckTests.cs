using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Api.WorkZone;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>The default settings against KMD's published CSDL (the shared excerpt, unmodified).</summary>
public class WorkZoneModelCheckTests
{
    private static WorkZoneModel Check(Action<WorkZoneOptions> configure)
    {
        var options = new WorkZoneOptions { BaseUrl = new Uri("https://wz.example.dk"), HandledFieldName = "PROGRESSION_Value" };
        options.Feed.Enabled = true;
        configure(options);
        using var csdl = File.OpenRead(TestPaths.SharedFile("workzone", "odata4-excerpt.csdl.xml"));
        return WorkZoneModelCheck.Check(WorkZoneModelCheck.Parse(csdl), options);
    }

    [Fact]
    public void TheDefaultFeedAndDeadlineSettingsMatchKmdsModel()
    {
        var model = Check(_ => { });
        Assert.True(model.WatermarkIsDate);      // Created is Edm.Date
        Assert.False(model.ReceivedAtIsDate);    // DocTime is Edm.DateTimeOffset
        Assert.True(model.DeadlineIsDate);       // ReplyTimeLimitDate is Edm.Date
        Check(o => o.Feed.OriginField = "Origin_Value"); // the other candidate for the Digital Post origin
    }

    [Fact]
    public void TheSubTableVariantFindsItsEntitySetThroughTheContainersBinding()
    {
        var model = Check(o => (o.HandledFieldName, o.HandledLabel) = ("CustomInfos/Info_Value", "SPBEH"));
        Assert.Equal("RecordInfoDicts", model.HandledRowsEntitySet);
    }

    [Fact]
    public void EveryWrongNameIsListedWithTheSettingItCameFrom()
    {
        var error = Assert.Throws<WorkZoneConfigurationException>(() => Check(o =>
        {
            o.HandledFieldName = "CustomInfo/Info_Value";
            o.HandledLabel = "SPBEH";
            o.Feed.WatermarkField = "CreatedDate";
            o.FindingKindsFieldName = "Created";
        }));
        Assert.Contains("sub-table 'CustomInfo' (WorkZone:HandledFieldName)", error.Message);
        Assert.Contains("did you mean 'CustomInfos'", error.Message);
        Assert.Contains("'CreatedDate' (WorkZone:Feed:WatermarkField) on Record", error.Message);
        Assert.Contains("the property 'Created' (WorkZone:FindingKindsFieldName) is Edm.Date, not a string", error.Message);
    }

    [Fact]
    public void AnUnknownEntitySetIsNamed()
    {
        var error = Assert.Throws<WorkZoneConfigurationException>(() => Check(o => o.RecordsEntitySet = "Record"));
        Assert.Contains("entity set 'Record' (WorkZone:RecordsEntitySet)", error.Message);
        Assert.Contains("did you mean 'Records'", error.Message);
    }

    [Fact]
    public void MetadataWithADtdIsRefused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">&e;</edmx:Edmx>";
        var error = Assert.ThrowsAny<Exception>(() => WorkZoneModelCheck.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));
        Assert.True(error is WorkZoneConfigurationException or System.Xml.XmlException, error.ToString());
        Assert.DoesNotContain("root:", error.ToString()); // nothing of the file the entity points at
    }
}
