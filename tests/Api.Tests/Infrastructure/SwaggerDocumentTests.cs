using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// Issue 2: "Swagger UI with descriptions and examples for every endpoint" — checked on the served swagger.json, so a
/// new endpoint without a description or example fails here, naming it.
/// </summary>
public partial class SwaggerDocumentTests
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task EveryOperationHasSummaryAndDescription()
    {
        var doc = await LoadAsync();
        var missing = Operations(doc)
            .Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["summary"]) || string.IsNullOrWhiteSpace((string?)o.Operation["description"]))
            .Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, "Without summary or description: " + string.Join(", ", missing));
    }

    /// <summary>
    /// One convention for every operation, the one the reply actions set: the summary is the action's Danish name as a
    /// caseworker knows it ("Tag svaret", "SmartPost behandlet"); the description says the rest in English for developers.
    /// A "Dansk / English" pair or an English summary reads as two products glued together.
    /// </summary>
    [Fact]
    public async Task EverySummaryIsOneDanishPhrase()
    {
        var doc = await LoadAsync();
        var mixed = Operations(doc)
            .Select(o => (o.Name, Summary: (string?)o.Operation["summary"] ?? ""))
            .Where(o => o.Summary.Contains(" / ") || EnglishWords().IsMatch(o.Summary))
            .Select(o => $"{o.Name} \"{o.Summary}\"").ToList();
        Assert.True(mixed.Count == 0, "Summaries not in Danish alone: " + string.Join(", ", mixed));
    }

    /// <summary>Words that occur in English summaries and never in Danish ones.</summary>
    [GeneratedRegex(@"\b(the|of|a|an|and|with|get|list|record|import|suggest|reply|replies|search|shared)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    [Fact]
    public async Task EveryRequestBodyHasAnExampleForEachContentType()
    {
        var doc = await LoadAsync();
        var missing = (
            from o in Operations(doc)
            let content = o.Operation["requestBody"]?["content"] as JObject
            where content is not null
            from media in content.Properties()
            where !HasExample(doc, (JObject)media.Value)
            select $"{o.Name} ({media.Name})").ToList();
        Assert.True(missing.Count == 0, "Request bodies without an example: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EverySuccessfulJsonObjectResponseHasAnExample()
    {
        var doc = await LoadAsync();
        var missing = (
            from o in Operations(doc)
            from response in ((JObject?)o.Operation["responses"])?.Properties() ?? []
            where response.Name.StartsWith('2')
            let media = response.Value["content"]?["application/json"] as JObject
            where media?["schema"] is JObject schema && (string?)Resolve(doc, schema)["type"] == "object"
            where !HasExample(doc, media)
            select $"{o.Name} → {response.Name}").ToList();
        Assert.True(missing.Count == 0, "2xx JSON object responses without an example: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task RawBodiesAreDocumentedWithRealisticExamples()
    {
        var doc = await LoadAsync();
        var ingest = doc["paths"]!["/api/v1/replies"]!["post"]!["requestBody"]!["content"]!;
        Assert.NotNull(ingest["application/json"]);
        Assert.Contains("<memo:Message", (string?)ingest["application/xml"]?["example"]);
        var import = doc["paths"]!["/api/v1/recipients/digital-post-register/import"]!["post"]!["requestBody"]!["content"]!;
        Assert.StartsWith("idType,id,exempt,since,reason,source", (string?)import["text/csv"]?["example"]);
    }

    [Fact]
    public async Task ExamplesUseTheWireFormat()
    {
        var doc = await LoadAsync();
        var example = (JObject)doc["components"]!["schemas"]!["Guidance.SuggestRequest"]!["example"]!;
        Assert.NotNull(example["documentTitle"]);
        Assert.Null(example["DocumentTitle"]);
        Assert.Equal("CPR", (string?)example["recipient"]?["idType"]);
    }

    [Fact]
    public async Task TheSwaggerPageIsServedAnonymously()
    {
        using var api = new ApiFactory();

        var response = await api.CreateClient().GetAsync("/swagger/index.html");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SmartPost Assistant API", await response.Content.ReadAsStringAsync());
    }

    internal static async Task<JObject> LoadAsync()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/swagger/v1/swagger.json");
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<(string Name, JObject Operation)> Operations(JObject doc) =>
        from path in ((JObject)doc["paths"]!).Properties()
        from verb in ((JObject)path.Value).Properties()
        where Verbs.Contains(verb.Name)
        select ($"{verb.Name.ToUpperInvariant()} {path.Name}", (JObject)verb.Value);

    /// <summary>An example on the media type, or on the (referenced) schema it uses.</summary>
    private static bool HasExample(JObject doc, JObject media) =>
        media["example"] is not null || media["examples"] is JObject { HasValues: true }
        || media["schema"] is JObject schema && Resolve(doc, schema) is var resolved
            && (resolved["example"] is not null || resolved["examples"] is JArray { Count: > 0 });

    private static JObject Resolve(JObject doc, JObject schema) =>
        (string?)schema["$ref"] is { } reference
            ? (JObject)doc["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!
            : schema;
}
