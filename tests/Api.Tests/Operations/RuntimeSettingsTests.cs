using System.Reflection;
using System.Text.Json.Nodes;
using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Operations;

/// <summary>
/// The runtime settings the API process starts with (its runtimeconfig.json and how Api.csproj publishes it). They
/// decide how fast every request is under load, so dropping one must fail here, not in a benchmark months later.
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
    public void PublishedApiRunsPrecompiledCode()
    {
        // A published API (production, the benchmarks) starts on precompiled (ReadyToRun) code for the app and its
        // packages: half the start-up CPU, and its first requests do not wait for the compiler.
        var readyToRun = typeof(GuidanceEngine).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "PublishReadyToRun")?.Value;
        Assert.Equal("true", readyToRun, ignoreCase: true);
    }

    [Fact]
    public void PackageCodeIsCompiledOptimizedAtFirstUse()
    {
        // Quick (unoptimized) first compilation left the mixed-load row on slow code for its whole minute on two cores;
        // with ReadyToRun code for the cold phase it still compiled three times the methods and the row's p99 rose again.
        Assert.False(ConfigProperties()["System.Runtime.TieredCompilation.QuickJit"]?.GetValue<bool>() ?? true);
    }

    [Fact]
    public void GarbageCollectionStaysServerMode()
    {
        // Measured under the mixed row: workstation mode collected twice as often and paused twice as long in total.
        Assert.True(ConfigProperties()["System.GC.Server"]?.GetValue<bool>() ?? false);
    }
}
