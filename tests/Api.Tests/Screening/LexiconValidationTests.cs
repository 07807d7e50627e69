using SmartPost.Api.Screening;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Screening;

public class LexiconValidationTests
{
    private static string ValidJson => File.ReadAllText(LabelledReplies.LexiconPath);

    private static string Broken(string find, string replace)
    {
        Assert.Contains(find, ValidJson);
        return ValidJson.Replace(find, replace);
    }

    [Fact]
    public void ShippedLexiconCompiles() => Assert.True(ScreeningLexicon.Load(LabelledReplies.LexiconPath).PhraseCount > 100);

    [Fact]
    public void PhraseStartingWithAGapIsRejectedWithItsLocation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(Broken("\"aktindsigt*\",", "\".. aktindsigt\",")));
        Assert.Contains("terms[0]", error.Message);
        Assert.Contains("cannot start with a gap", error.Message);
    }

    [Fact]
    public void TooShortPrefixIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(Broken("\"aktindsigt*\",", "\"ak*\",")));
        Assert.Contains("too short", error.Message);
    }

    [Fact]
    public void UnknownFlagKindIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ScreeningLexicon.Parse(Broken("\"kind\": \"Complaint\"", "\"kind\": \"Complain\"")));
        Assert.Contains("Complain", error.Message);
    }

    [Fact]
    public void MisspelledSettingIsRejectedRatherThanIgnored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(Broken("\"notAfter\":", "\"notAftr\":")));
        Assert.Contains("notAftr", error.Message);
    }

    [Fact]
    public void NearWindowOutOfRangeIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(Broken("\"nearSentences\": 1,", "\"nearSentences\": 9,")));
        Assert.Contains("nearSentences must be 0 to 3", error.Message);
    }

    [Fact]
    public void EmptyConditionalAfterCuesAreRejected()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(ValidJson);
        json["conditionalAfter"]!["cues"] = new Newtonsoft.Json.Linq.JArray();
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(json.ToString()));
        Assert.Contains("conditionalAfter.cues", error.Message);
    }

    [Fact]
    public void EmptyNegationCuesAreRejected()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(ValidJson);
        json["negation"]!["cues"] = new Newtonsoft.Json.Linq.JArray();
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(json.ToString()));
        Assert.Contains("negation.cues", error.Message);
    }

    [Fact]
    public void AppRefusesToStartWithABrokenLexicon()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lexicon-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Broken("\"aktindsigt*\",", "\"*a*\","));
        try
        {
            using var api = new ApiFactory().WithSetting("Screening:LexiconPath", path);
            var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
            Assert.Contains("terms[0]", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AppRefusesToStartWithoutTheLexiconFile()
    {
        using var api = new ApiFactory().WithSetting("Screening:LexiconPath", "/nowhere/screening-lexicon.json");
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Screening:LexiconPath", error.ToString());
    }
}
