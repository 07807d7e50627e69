using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Recipients;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Recipients;

public class DigitalPostRegisterTests
{
    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv) =>
        await client.PostAsync("/api/v1/recipients/digital-post-register/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JObject> StatusAsync(HttpClient client, string idType, string id)
    {
        var response = await client.GetAsync($"/api/v1/recipients/{idType}/{id}/digital-post-status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task DemoRegisterMarksTheSampleLettersExemptRecipients(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind, seedDemoData: true);
        var client = api.CreateCaseworkerClient();
        var exemptInSample = File.ReadLines(TestPaths.SharedFile("data", "letters-sample.jsonl"))
            .Select(JObject.Parse)
            .Where(letter => letter["recipient"] is JObject r && (bool?)r["digitalPostExempt"] == true)
            .Select(letter => ((string)letter["recipient"]!["idType"]!, (string)letter["recipient"]!["id"]!))
            .ToList();

        Assert.NotEmpty(exemptInSample);
        foreach (var (idType, id) in exemptInSample)
        {
            var status = await StatusAsync(client, idType, id);
            Assert.True((bool)status["exempt"]!, id);
            Assert.True((bool)status["known"]!);
        }
    }

    [Fact]
    public async Task ExemptCitizenIsReportedWithReasonAndDate()
    {
        using var api = new ApiFactory(seedDemoData: true);
        var status = await StatusAsync(api.CreateCaseworkerClient(), "CPR", "0403491566");

        Assert.Equal("CPR", (string)status["idType"]!);
        Assert.Equal("0403491566", (string)status["id"]!);
        Assert.Equal("2021-03-01", (string)status["exemptSince"]!);
        Assert.Contains("§ 5", (string)status["reason"]!);
        Assert.Contains("Faaborg-Midtfyn Kommune", (string)status["source"]!);
    }

    [Fact]
    public async Task ExemptCompanyIsExemptBecauseTheRegisterSaysSo()
    {
        using var api = new ApiFactory(seedDemoData: true);
        var client = api.CreateCaseworkerClient();
        Assert.True((bool)(await StatusAsync(client, "CVR", "31415926"))["exempt"]!);
        Assert.False((bool)(await StatusAsync(client, "CVR", "24405843"))["exempt"]!);
    }

    [Fact]
    public async Task UnknownRecipientIsNotExemptAndSaysItIsUnknown()
    {
        using var api = new ApiFactory(seedDemoData: true);
        var status = await StatusAsync(api.CreateCaseworkerClient(), "CPR", "010101-1234");
        Assert.False((bool)status["exempt"]!);
        Assert.False((bool)status["known"]!);
        Assert.Contains("ikke fritaget antages", (string)status["source"]!);
    }

    [Fact]
    public async Task RegisterInterfaceAnswersTheSameAsTheEndpoint()
    {
        using var api = new ApiFactory(seedDemoData: true);
        _ = api.CreateClient();
        using var scope = api.Services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<IDigitalPostRegister>();
        var status = await register.LookupAsync(RecipientIdType.CPR, "2612413920");
        Assert.True(status is { Exempt: true, Known: true });
    }

    [Theory]
    [InlineData("CPR", "310299-1234", "id")]
    [InlineData("CVR", "123", "id")]
    [InlineData("EAN", "5790000000000", "idType")]
    [InlineData("1", "0403491566", "idType")]
    public async Task InvalidLookupIsBadRequestNamingTheField(string idType, string id, string field)
    {
        using var api = new ApiFactory();
        var response = await api.CreateCaseworkerClient().GetAsync($"/api/v1/recipients/{idType}/{id}/digital-post-status");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]![field]);
    }

    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task CsvImportAddsAndUpdatesEntries(DatabaseKind kind)
    {
        using var api = new ApiFactory(kind);
        var client = api.CreateCaseworkerClient("admin");
        var first = await ImportAsync(client, "idType,id,exempt,since,reason,source\nCPR,150466-2765,false,,,Borger.dk\n");
        var second = await ImportAsync(client,
            "idType,id,exempt,since,reason,source\r\nCPR,1504662765,true,2026-01-05,\"Fritaget, ingen internetadgang\",Odense Kommune\r\nCVR,24405843,false,,,Virk.dk\r\n");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = JObject.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal((1, 1), ((int)result["created"]!, (int)result["updated"]!));
        var status = await StatusAsync(client, "CPR", "150466-2765");
        Assert.True((bool)status["exempt"]!);
        Assert.Equal("Fritaget, ingen internetadgang", (string)status["reason"]!);
    }

    [Theory]
    [InlineData("CPR,150466-2765,true,2026-01-05,Grund,Kommune\nXYZ,1,true,,,Kommune", 3, "idType")]
    [InlineData("CPR,150466-2765,true,2026-01-05,Grund,Kommune\nCPR,320166-2765,true,,,Kommune", 3, "id")]
    [InlineData("CPR,150466-2765,ja,2026-01-05,Grund,Kommune", 2, "exempt")]
    [InlineData("CPR,150466-2765,true,05-01-2026,Grund,Kommune", 2, "since")]
    [InlineData("CPR,150466-2765,true,2026-01-05,Grund,", 2, "source")]
    [InlineData("CPR,150466-2765,true", 2, "line")]
    [InlineData("CVR,24405843,false,,,Virk\nCVR,24405843,true,,,Virk", 3, "id")]
    public async Task BadCsvLineIsRejectedNamingLineAndFieldAndNothingIsImported(string lines, int line, string field)
    {
        using var api = new ApiFactory();
        var response = await ImportAsync(api.CreateCaseworkerClient(), "idType,id,exempt,since,reason,source\n" + lines + "\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(problem["errors"]![$"line {line}.{field}"]);
        Assert.Contains($"linje {line}", (string)problem["detail"]!);
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.Set<DigitalPostExemption>().CountAsync());
    }

    [Fact]
    public async Task CsvWithoutHeaderIsRejected()
    {
        using var api = new ApiFactory();
        var response = await ImportAsync(api.CreateCaseworkerClient(), "CPR,150466-2765,true,,,Kommune\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]!["line 1.header"]);
    }

    [Fact]
    public async Task ImportIsLimitedToConfiguredAdministrators()
    {
        using var api = new ApiFactory().WithSetting("Recipients:RegisterAdmins:0", "cw-admin");
        var csv = "idType,id,exempt,since,reason,source\nCVR,24405843,false,,,Virk\n";
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(api.CreateCaseworkerClient("cw-anna"), csv)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api.CreateCaseworkerClient("cw-admin"), csv)).StatusCode);
    }

    [Fact]
    public async Task ShippedDemoCsvIsValid()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "Api", "Rules", "digital-post-register.csv");
        var (entries, errors) = RegisterCsv.Parse(await File.ReadAllTextAsync(path));
        Assert.Empty(errors);
        Assert.Contains(entries, e => e is { IdType: RecipientIdType.CVR, Exempt: true });
        Assert.Contains(entries, e => !e.Exempt);
    }
}
