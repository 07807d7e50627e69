using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Dispatch;
using SmartPost.Api.Tests.Replies;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>Problem details reach caseworkers through the panes: Danish, no .NET type names, no English halves.</summary>
public class DanishErrorTextTests
{
    [Fact]
    public async Task BadEnumValueNamesTheFieldAndTheAllowedValuesInDanish()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");
        var body = DispatchRequests.Valid();
        body["chosenOption"] = "MedSvar";

        var response = await client.PostDispatchAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JObject.Parse(text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ugyldig værdi for 'chosenOption'. Tilladte værdier: WithReply, WithoutReply, PhysicalMail.",
            (string?)problem["errors"]!["chosenOption"]![0]);
        AssertNoDeveloperText(text);
    }

    [Fact]
    public async Task MalformedJsonAndWrongTypesAreDanish()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");

        var broken = await client.PostAsync("/api/v1/replies", new StringContent("{\"documentId\": \"D-1\", \"text\": ", Encoding.UTF8, "application/json"));
        var brokenText = await broken.Content.ReadAsStringAsync();
        var wrongDate = await client.PostAsync("/api/v1/replies",
            new StringContent("""{"documentId": "D-1", "text": "Hej", "receivedAt": "i går"}""", Encoding.UTF8, "application/json"));
        var wrongDateText = await wrongDate.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Forespørgslen er ikke gyldig JSON", brokenText);
        AssertNoDeveloperText(brokenText);
        Assert.Equal(HttpStatusCode.BadRequest, wrongDate.StatusCode);
        Assert.Contains("Ugyldigt tidspunkt for 'receivedAt'", wrongDateText);
        AssertNoDeveloperText(wrongDateText);
    }

    [Fact]
    public async Task MissingRequiredFieldIsDanish()
    {
        using var api = new ApiFactory();
        var client = api.CreateCaseworkerClient("cw-anna", "team-a");

        var (response, body) = await client.PostJsonReplyAsync(new { documentId = "D-1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Feltet skal udfyldes.", (string?)body["errors"]!["text"]![0]);
        AssertNoDeveloperText(body.ToString());
    }

    internal static void AssertNoDeveloperText(string text)
    {
        foreach (var developer in new[] { "System.", "SmartPost.Api", "`1", " / ", "field is required", "Path '", "Error converting" })
            Assert.DoesNotContain(developer, text);
    }
}
