using System.Diagnostics;
using System.Text;
using SmartPost.Api.Tests.Infrastructure;
using WorkZoneStandIn;

namespace SmartPost.Api.Tests.WorkZone;

/// <summary>
/// The API as its own operating-system process (the build output of Api/, content root Api/ as with dotnet run),
/// so a test can kill it outright instead of stopping it gracefully.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static ApiProcess StartAgainst(StandInServer standIn, string sqlitePath)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/<tfm>/
        var apiDir = Path.Combine(TestPaths.RepoRoot, "Api");
        var dll = Path.Combine(apiDir, "bin", configuration, "net10.0", "SmartPost.Api.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"API build output not found: {dll}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = apiDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__SqlitePath"] = sqlitePath,
            ["Database__PostgresConnectionString"] = "",
            ["Database__SeedDemoData"] = "false",
            ["WorkZone__BaseUrl"] = standIn.BaseUrl.ToString(),
            ["WorkZone__HandledFieldName"] = WorkZoneKit.HandledField,
            ["WorkZone__Auth__Mode"] = "None",
            ["WorkZone__Feed__Enabled"] = "true",
            ["WorkZone__Feed__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = new ApiProcess(Process.Start(start)!);
        process._process.OutputDataReceived += (_, e) => process.Append(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Append(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL of the process: no graceful shutdown, no flushing, no hosted-service StopAsync.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
