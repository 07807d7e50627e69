using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>
/// The panes' TypeScript types are generated from AddinWeb/src/api/openapi.json. This test keeps that snapshot equal to
/// the document the app serves, so a changed record or endpoint cannot leave the panes compiling against old shapes.
/// With UPDATE_OPENAPI_SNAPSHOT=1 (scripts/update-openapi.sh) it rewrites the snapshot instead.
/// </summary>
public class OpenApiSnapshotTests
{
    public static string SnapshotPath => Path.Combine(TestPaths.RepoRoot, "AddinWeb", "src", "api", "openapi.json");

    [Fact]
    public async Task CommittedSnapshotEqualsTheServedDocument()
    {
        var served = await SwaggerDocumentTests.LoadAsync();

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, Serialize(served));
            Assert.True(JToken.DeepEquals(served, JObject.Parse(await File.ReadAllTextAsync(SnapshotPath))));
            return;
        }

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing. Run ./scripts/update-openapi.sh.");
        var committed = JObject.Parse(await File.ReadAllTextAsync(SnapshotPath));
        var differences = Differences(committed, served);
        Assert.True(differences.Count == 0,
            "AddinWeb/src/api/openapi.json differs from the API's OpenAPI document ("
            + string.Join("; ", differences.Take(20))
            + "). Run ./scripts/update-openapi.sh (it writes the snapshot and runs npm run gen:types), then commit both files.");
    }

    [Fact]
    public void SnapshotIsWrittenTheWayTheUpdateWritesIt()
    {
        // A hand edit that keeps the JSON equal but changes its layout would make the next update a noisy diff.
        var text = File.ReadAllText(SnapshotPath);
        Assert.Equal(Serialize(JObject.Parse(text)), text);
    }

    /// <summary>Indented, LF line ends, one trailing newline: stable on every machine.</summary>
    private static string Serialize(JObject doc) => doc.ToString(Formatting.Indented).ReplaceLineEndings("\n") + "\n";

    /// <summary>Which paths and schemas were added, removed or changed, so the failure says where to look.</summary>
    private static List<string> Differences(JObject committed, JObject served)
    {
        var result = new List<string>();
        foreach (var section in new[] { "paths", "components.schemas" })
        {
            var before = committed.SelectToken(section) as JObject ?? new JObject();
            var after = served.SelectToken(section) as JObject ?? new JObject();
            foreach (var name in before.Properties().Select(p => p.Name).Union(after.Properties().Select(p => p.Name)))
            {
                var (old, now) = (before[name], after[name]);
                if (old is null) result.Add($"new in {section}: {name}");
                else if (now is null) result.Add($"gone from {section}: {name}");
                else if (!JToken.DeepEquals(old, now)) result.Add($"changed in {section}: {name}");
            }
        }
        if (result.Count == 0 && !JToken.DeepEquals(committed, served)) result.Add("changed outside paths and schemas");
        return result;
    }
}
