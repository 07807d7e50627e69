using Newtonsoft.Json.Linq;
using SmartPost.Api.Guidance;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>An administrator's mistake in the rules file stops the start-up with a message naming file, rule and problem.</summary>
public class RulesFileValidationTests
{
    [Fact]
    public void UnknownCategoryNamesTheRuleAndTheValidCodes()
    {
        var error = Load(rules => rules[1]!["category"] = "Afgoerelse");
        Assert.Contains("rules[1] 'driving-right-withdrawal': category \"Afgoerelse\" is not one of ExpectsReply", error.Message);
    }

    [Fact]
    public void BrokenPhraseNamesTheRuleThePhraseAndTheProblem()
    {
        var error = Load(rules => ((JArray)rules[6]!["text"]!).Add("..2 afgørelse"));
        Assert.Contains("'decision': text[", error.Message);
        Assert.Contains("\"..2 afgørelse\"", error.Message);
        Assert.Contains("cannot start with a gap", error.Message);
    }

    [Fact]
    public void GapWithoutNumberIsRejected()
    {
        var error = Load(rules => ((JArray)rules[0]!["text"]!).Add("bede .. sende"));
        Assert.Contains("'expects-reply': text[", error.Message);
        Assert.Contains("'..1' to '..10'", error.Message);
    }

    [Fact]
    public void DuplicateIdsMissingFallbackAndEmptyGuidelineLineAreAllReported()
    {
        var error = Load(rules =>
        {
            rules[2]!["id"] = "approval";
            rules[^1]!["fallback"] = false;
            rules[3]!["guidelineLine"] = "";
        });
        Assert.Contains("id 'approval' is used by 2 rules", error.Message);
        Assert.Contains("exactly one rule must have \"fallback\": true", error.Message);
        Assert.Contains("'control-driving-test-summons': guidelineLine", error.Message);
    }

    [Fact]
    public void FormalCategoryAboveTheExpectedAnswerIsRejected()
    {
        var error = Load(rules => rules[6]!["priority"] = 500);
        Assert.Contains("rules 'decision': priority 500 must be below every WithReply rule", error.Message);
    }

    [Fact]
    public void MisspeltFieldNameIsRejected()
    {
        var error = Load(rules => rules[4]!["titel"] = new JArray("fristudsættelse"));
        Assert.Contains("titel", error.Message);
    }

    [Fact]
    public void ARightToComplainWithoutToWhomOrByWhenIsRejected()
    {
        var error = Load(rules => ((JObject)rules.Parent!.Parent!)["complaintGuidance"]!["toWhomOrByWhen"]!.Parent!.Remove());
        Assert.Contains("complaintGuidance: right and toWhomOrByWhen go together", error.Message);
    }

    [Fact]
    public void AnAuthorityNameOfSeveralWordsIsRejected()
    {
        var error = Load(rules => ((JObject)rules.Parent!.Parent!)["authority"] = new JArray("styrelsen", "vores styrelse"));
        Assert.Contains("authority: each entry is one word", error.Message);
    }

    [Fact]
    public void PhysicalMailIsNotARuleRecommendation()
    {
        var error = Load(rules => rules[5]!["recommendation"] = "PhysicalMail");
        Assert.Contains("'approval': recommendation PhysicalMail is decided by the Digital Post register", error.Message);
    }

    [Fact]
    public void InvalidRulesFileStopsTheApiFromStarting()
    {
        var path = WriteRules(rules => rules[0]!["category"] = "Svar");
        using var api = new ApiFactory().WithSetting("Guidance:RulesPath", path);
        var error = Assert.ThrowsAny<Exception>(() => api.CreateCaseworkerClient());
        var message = error.ToString();
        Assert.Contains(path, message);
        Assert.Contains("rules[0] 'expects-reply': category \"Svar\"", message);
    }

    [Fact]
    public void MissingRulesFileStopsTheApiFromStarting()
    {
        using var api = new ApiFactory().WithSetting("Guidance:RulesPath", "/nonexistent/guideline-rules.json");
        var error = Assert.ThrowsAny<Exception>(() => api.CreateCaseworkerClient());
        Assert.Contains("/nonexistent/guideline-rules.json' is invalid", error.ToString());
    }

    [Fact]
    public void EmptyMaterialNameStopsTheApiFromStarting()
    {
        using var api = new ApiFactory().WithSetting("Guidance:Materials:PhysicalMail", "");
        var error = Assert.ThrowsAny<Exception>(() => api.CreateCaseworkerClient());
        Assert.Contains("Guidance:Materials", error.ToString());
    }

    private static GuidelineRulesException Load(Action<JArray> breakIt)
    {
        var path = WriteRules(breakIt);
        try
        {
            var error = Assert.Throws<GuidelineRulesException>(() => GuidanceEngine.FromFile(path, new MaterialNames()));
            Assert.Contains(path, error.Message);
            return error;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WriteRules(Action<JArray> breakIt)
    {
        var file = JObject.Parse(File.ReadAllText(TestEngine.RulesPath));
        breakIt((JArray)file["rules"]!);
        var path = Path.Combine(Path.GetTempPath(), $"guideline-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, file.ToString());
        return path;
    }
}
