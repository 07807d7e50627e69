using System.Diagnostics;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Identity;

/// <summary>scripts/scan-log-for-cpr.sh, which test.sh runs over the whole test run's log.</summary>
public class CprLogScanScriptTests
{
    private static (int ExitCode, string Output) Scan(string logText)
    {
        var log = Path.Combine(Path.GetTempPath(), $"cpr-scan-{Guid.NewGuid():N}.log");
        File.WriteAllText(log, logText);
        try
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepoRoot, "scripts", "scan-log-for-cpr.sh"), log])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void ScanFailsOnACprNumberAndPointsAtItWithoutRepeatingIt()
    {
        var cpr = "150466" + "-" + "1234";
        var (exitCode, output) = Scan($"info: ok\ninfo: GET /api/v1/recipients/CPR/{cpr}\n");

        Assert.Equal(1, exitCode);
        Assert.Contains(":2:", output);
        Assert.DoesNotContain(cpr, output);
    }

    [Fact]
    public void ScanPassesAMaskedLogWithCaseNumbersAndTimestamps()
    {
        var (exitCode, _) = Scan("GET /api/v1/recipients/CPR/xxxxxx-xxxx\nsag 2026-112233 at 638999999999999999 ticks\n");
        Assert.Equal(0, exitCode);
    }
}
