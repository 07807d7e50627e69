using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// A newcomer follows the README: its "Try it" curl lines run verbatim against the demo data and every one answers
/// 2xx in Danish, and Swagger's Authorize asks for the same three headers.
/// </summary>
public class ReadmeTryItTests
{
    [Fact]
    public async Task EveryTryItRequestInTheReadmeSucceedsOnTheDemoData()
    {
        var requests = TryItCurlLines().Select(ParseCurl).ToList();
        Assert.True(requests.Count >= 3, "the README's try-it block has its curl lines");
        using var api = new ApiFactory(seedDemoData: true);
        var client = api.CreateClient();

        foreach (var (line, request) in requests)
        {
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{line}\n→ {(int)response.StatusCode} {body}");
            DanishErrorTextTests.AssertNoDeveloperText(body);
            if (request.RequestUri!.AbsolutePath.EndsWith("/replies", StringComparison.Ordinal))
                Assert.NotEmpty(JObject.Parse(body)["items"]!);
        }
    }

    [Fact]
    public async Task SwaggerAuthorizeAsksForUserTeamsAndRoles()
    {
        var doc = await SwaggerDocumentTests.LoadAsync();
        var schemes = (JObject)doc["components"]!["securitySchemes"]!;
        var headers = schemes.Properties().Select(p => (string?)p.Value["name"]).ToList();

        Assert.Equal(["X-Dev-User", "X-Dev-Teams", "X-Dev-Roles"], headers);
        var requirement = (JObject)doc["security"]![0]!;
        Assert.Equal(schemes.Properties().Select(p => p.Name).Order(), requirement.Properties().Select(p => p.Name).Order());
    }

    private static IEnumerable<string> TryItCurlLines()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var start = readme.IndexOf("<!-- try-it -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /try-it -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has a <!-- try-it --> block");
        return readme[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("curl ", StringComparison.Ordinal));
    }

    /// <summary>curl [-s] URL -H "Name: value" … [-d 'body'] as an HttpRequestMessage against the test server.</summary>
    private static (string Line, HttpRequestMessage Request) ParseCurl(string line)
    {
        var words = ShellWords(line).Skip(1).ToList();
        string? url = null, body = null;
        var headers = new List<(string, string)>();
        for (var i = 0; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-s": break;
                case "-H": var h = words[++i]; var colon = h.IndexOf(':'); headers.Add((h[..colon].Trim(), h[(colon + 1)..].Trim())); break;
                case "-d": body = words[++i]; break;
                default: url = words[i]; break;
            }
        }
        var uri = new Uri(url ?? throw new InvalidOperationException($"No URL in: {line}"));
        var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, uri.PathAndQuery);
        string? contentType = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/x-www-form-urlencoded");
        return (line, request);
    }

    /// <summary>Splits a shell line into words: single and double quotes group, no escapes needed in the README.</summary>
    private static IEnumerable<string> ShellWords(string line)
    {
        var word = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; inWord = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) yield return word.ToString();
                word.Clear();
                inWord = false;
            }
            else { word.Append(c); inWord = true; }
        }
        if (inWord) yield return word.ToString();
    }
}
