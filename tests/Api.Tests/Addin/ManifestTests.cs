using System.Net;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Addin;

public class ManifestTests
{
    [Theory]
    [InlineData("word.xml")]
    [InlineData("outlook.xml")]
    public void GeneratedManifestIsValidAgainstOfficialSchemas(string manifest)
    {
        var errors = ManifestFiles.Validate(ManifestFiles.PathOf(manifest));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void SchemaValidationRejectsAManifestWithAnUnknownElement()
    {
        var doc = XDocument.Load(ManifestFiles.PathOf("word.xml"));
        var ns = doc.Root!.Name.Namespace;
        doc.Root!.Element(ns + "ProviderName")!.AddAfterSelf(new XElement(ns + "NotAnOfficeElement", "x"));
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.xml");
        doc.Save(broken);
        try
        {
            Assert.NotEmpty(ManifestFiles.Validate(broken));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void OutlookManifestRegistersTheSendHandlerWithSoftBlock()
    {
        var doc = XDocument.Load(ManifestFiles.PathOf("outlook.xml"));
        var launch = doc.Descendants().Single(e => e.Name.LocalName == "LaunchEvent");
        Assert.Equal("OnMessageSend", (string?)launch.Attribute("Type"));
        Assert.Equal("SoftBlock", (string?)launch.Attribute("SendMode"));
        // Office.actions.associate in the handler must use the same name.
        var handler = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "AddinWeb", "src", "send", "onMessageSend.ts"));
        Assert.Contains($"Office.actions.associate(\"{(string?)launch.Attribute("FunctionName")}\"", handler);
    }

    [Theory]
    [InlineData("word.xml")]
    [InlineData("outlook.xml")]
    public async Task EveryManifestUrlIsServedWithTheRightContentType(string manifest)
    {
        using var api = new ApiFactory();
        var client = api.CreateClient(); // anonymous, as Office fetches them
        var urls = ManifestFiles.Urls(ManifestFiles.PathOf(manifest));
        Assert.NotEmpty(urls);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(new Uri(url).PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var expected = Path.GetExtension(new Uri(url).AbsolutePath) switch
            {
                ".html" => "text/html",
                ".js" => "text/javascript",
                ".png" => "image/png",
                var other => throw new InvalidOperationException($"No expected content type for {other} ({url})"),
            };
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task WellKnownFileAllowsTheSendHandlerScript()
    {
        using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/.well-known/microsoft-officeaddins-allowed.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var allowed = JObject.Parse(await response.Content.ReadAsStringAsync())["allowed"]!.Values<string>().ToList();
        Assert.Contains(allowed, url => url!.EndsWith("/addin/send/onMessageSend.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficeHostPreflightIsAnsweredWithCorsHeaders()
    {
        using var api = new ApiFactory();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/reply-options/suggest");
        request.Headers.Add("Origin", "https://outlook.office.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        var response = await api.CreateClient().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"preflight: {(int)response.StatusCode}");
        Assert.Equal("https://outlook.office.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task UnknownOriginGetsNoCorsHeaders()
    {
        using var api = new ApiFactory();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/reply-options/suggest");
        request.Headers.Add("Origin", "https://evil.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await api.CreateClient().SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task PaneConfigSaysDevelopmentIdentityIsAllowedOnlyInDevelopment()
    {
        using var dev = new ApiFactory();
        var devConfig = JObject.Parse(await dev.CreateClient().GetStringAsync("/addin/config.json"));
        Assert.True((bool)devConfig["devIdentity"]!);

        using var prod = ApiFactory.Production();
        var prodConfig = JObject.Parse(await prod.CreateClient().GetStringAsync("/addin/config.json"));
        Assert.False((bool)prodConfig["devIdentity"]!);
    }
}
