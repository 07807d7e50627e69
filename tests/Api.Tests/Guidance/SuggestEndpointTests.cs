using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

public class SuggestEndpointTests
{
    private const string Request = "Vi skal bede dig sende en kopi af dit pas senest den 1. maj 2026.";

    /// <summary>The customer's samples as the acceptance measurement sends them: over HTTP, with chosenOption and the exemption.</summary>
    [Theory]
    [InlineData("sample-letters.jsonl")]
    [InlineData("sample-checks.jsonl")]
    public async Task EverySampleLetterGetsItsExpectedSuggestionAndChecksOverHttp(string file)
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient();
        var failures = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(LetterCorpus.Folder, file)).Where(l => l.Trim().Length > 0).Select(JObject.Parse))
        {
            var request = new JObject();
            foreach (var field in new[] { "documentTitle", "documentType", "text", "recipient", "caseClosed", "chosenOption" }) request[field] = line[field];
            var (status, body) = await SuggestApi.PostAsync(client, request);
            var expected = (JObject)line["expected"]!;
            var codes = body["checks"]!.Select(c => (string)c["code"]!).ToList();
            foreach (var (label, value) in expected)
            {
                var got = label switch
                {
                    "recommendation" or "category" => (string?)body[label],
                    "SelfServiceCheck" => codes.Any(c => c.Contains("SelfService")).ToString(),
                    _ => codes.Contains(label).ToString(),
                };
                var want = value!.Type == JTokenType.Boolean ? ((bool)value).ToString() : (string?)value;
                if (status != 200 || got != want) failures.Add($"{line["id"]}: {label} {got}, expected {want} (HTTP {status})");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task SuggestionCarriesMaterialReasonsEvidenceAndMatchedRule()
    {
        using var api = new ApiFactory();
        var title = "Anmodning om pas";
        var (status, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(), SuggestApi.Letter(title, Request));

        Assert.Equal(200, status);
        Assert.Equal("WithReply", (string?)body["recommendation"]);
        Assert.Equal("Brev med svarmulighed", (string?)body["material"]);
        Assert.Equal("ExpectsReply", (string?)body["category"]);
        Assert.False((bool)body["conflict"]!);
        Assert.NotEmpty(body["reasons"]!);
        Assert.Equal("expects-reply", (string?)body["matchedRule"]!["id"]);
        Assert.Equal("SmartPost skal altid anvendes, når du venter et svar tilbage.", (string?)body["matchedRule"]!["guidelineLine"]);
        var evidence = body["evidence"]!.First(e => (string)e["field"]! == "text");
        var start = (int)evidence["start"]!;
        Assert.Equal(Request.Substring(start, (int)evidence["length"]!), (string?)evidence["text"]);
        Assert.Equal("expects-reply", (string?)evidence["rule"]);
    }

    [Fact]
    public async Task MaterialNamesComeFromConfiguration()
    {
        using var api = new ApiFactory().WithSetting("Guidance:Materials:WithReply", "Brev m. svar (FSTY)");
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(), SuggestApi.Letter("Pas", Request));
        Assert.Equal("Brev m. svar (FSTY)", (string?)body["material"]);
    }

    [Fact]
    public async Task ChosenOptionAgainstAnExpectedAnswerIsFlagged()
    {
        using var api = new ApiFactory();
        var (_, body) = await SuggestApi.PostAsync(api.CreateCaseworkerClient(),
            SuggestApi.Letter("Pas", Request, chosenOption: "WithoutReply"));
        Assert.True(SuggestApi.HasCheck(body, "ChosenOptionContradictsSuggestion"));
        Assert.True(SuggestApi.HasCheck(body, "QuestionWithoutReplyOption"));
        var check = body["checks"]!.First(c => (string)c["code"]! == "QuestionWithoutReplyOption");
        Assert.Equal("Error", (string?)check["severity"]);
        Assert.Contains("uden svarmulighed", (string?)check["message"]);
    }

    [Fact]
    public async Task SuggestWithoutDevHeaderIsUnauthorized()
    {
        using var api = new ApiFactory();
        var (status, _) = await SuggestApi.PostAsync(api.CreateClient(), SuggestApi.Letter("Pas", Request));
        Assert.Equal(401, status);
    }
}
