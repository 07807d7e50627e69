using System.Text.Json.Nodes;

namespace SmartPost.Api.Tests.Operations;

/// <summary>
/// The runtime settings the API process starts with (its runtimeconfig.json, built from Api.csproj). They decide how
/// fast every request is under load, so dropping one must fail here, not in a benchmark months later.
/// </summary>
public class RuntimeSettingsTests
{
    private static JsonNode ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SmartPost.Api.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!;
        return config["runtimeOptions"]!["configProperties"]!;
    }

    [Fact]
    public void PackageCodeIsCompiledOptimizedAtFirstUse()
    {
        // Quick (unoptimized) first compilation left the mixed-load row on slow code for its whole minute on two cores.
        Assert.False(ConfigProperties()["System.Runtime.TieredCompilation.QuickJit"]?.GetValue<bool>() ?? true);
    }

    [Fact]
    public void GarbageCollectionStaysServerMode()
    {
        // Measured under the mixed row: workstation mode collected twice as often and paused twice as long in total.
        Assert.True(ConfigProperties()["System.GC.Server"]?.GetValue<bool>() ?? false);
    }
}
