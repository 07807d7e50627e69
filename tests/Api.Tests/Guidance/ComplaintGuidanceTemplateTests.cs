using SmartPost.Api.Guidance;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>The standard klagevejledning the pane inserts: per kind and team, and recognised once inserted.</summary>
public class ComplaintGuidanceTemplateTests
{
    [Fact]
    public async Task TeamTextWinsOverTheDefaultAndNamesTheAppealBody()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient();
        var team = await client.GetAsync("/api/v1/complaint-guidance/templates/DeadlineExtension?team=team-udland");
        var fallback = await client.GetAsync("/api/v1/complaint-guidance/templates/DeadlineExtension?team=team-helbred");
        Assert.Equal(200, (int)team.StatusCode);
        var teamText = await team.Content.ReadAsStringAsync();
        Assert.Contains("Team Udland", teamText);
        Assert.DoesNotContain("Team Udland", await fallback.Content.ReadAsStringAsync());
        Assert.Contains("Trafikstyrelsen", teamText);
    }

    [Fact]
    public async Task KindThatNeedsNoKlagevejledningHasNoTemplate()
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient().GetAsync("/api/v1/complaint-guidance/templates/Receipt");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("Ingen klagevejledning", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(GuidanceCategory.Decision)]
    [InlineData(GuidanceCategory.Approval)]
    [InlineData(GuidanceCategory.ControlDrivingTestSummons)]
    [InlineData(GuidanceCategory.DeadlineExtension)]
    [InlineData(GuidanceCategory.AccessToRecordsDecision)]
    public void InsertedTemplateClearsTheMissingKlagevejledningCheck(GuidanceCategory kind)
    {
        var templates = ComplaintGuidanceTemplates.Load(Path.Combine(AppContext.BaseDirectory, "Rules", "complaint-guidance-templates.json"));
        var text = "Kære Oksana\n\nVi kan ikke imødekomme din ansøgning om ombytning af dit kørekort.";
        var inserted = text + "\n" + string.Join("\n", templates.For(kind, null)!.Paragraphs);
        var s = TestEngine.Suggest("Brev til borger", inserted);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Fact]
    public void TemplatesFileWithoutADefaultForAKindIsRefusedWithItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "templates": [ { "kind": "Decision", "team": null, "appealBody": "Trafikstyrelsen", "deadlineWeeks": 4, "paragraphs": [ "Klagevejledning", "Du kan klage til Trafikstyrelsen." ] } ] }""");
        var error = Assert.Throws<GuidelineRulesException>(() => ComplaintGuidanceTemplates.Load(path));
        Assert.Contains("no default (team null) text for Approval", error.Message);
        File.Delete(path);
    }
}
