using System.Diagnostics;
using SmartPost.Api.Guidance;
using SmartPost.Api.Text;

namespace SmartPost.Benchmarks;

/// <summary>
/// Where one suggestion's time goes, stage by stage, on the two-page letter of <see cref="GuidanceBenchmarks"/>:
/// reading the text (analysis), finding the concepts, and the rest of the engine. Runs each stage in a loop for a
/// fixed time and prints µs per call; also a plain loop of whole suggestions to attach dotnet-trace to.
///   dotnet run -c Release --project benchmarks/Benchmarks -- suggest-profile [seconds]
/// </summary>
internal static class SuggestProfile
{
    public static int Run(double seconds)
    {
        var bench = new GuidanceBenchmarks();
        bench.Setup();
        var (engine, letter) = (bench.Engine, bench.Letter);
        // The engine keeps its compiled rules to itself; the profile reads them to time the stages apart.
        var rules = (CompiledGuideline)typeof(GuidanceEngine).GetField("_rules", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(engine)!;
        var concepts = rules.Concepts;
        var analyzer = concepts.Analyzer;
        var document = analyzer.Analyze(letter.Text);
        Console.WriteLine($"letter: {letter.Text.Length} chars, {document.Tokens.Length} words, {document.Sentences.Count} sentences; load [{Load()}]");

        Measure("analyze text (memo warm)", seconds, () => analyzer.Analyze(letter.Text));
        Measure("analyze title", seconds, () => analyzer.Analyze(letter.DocumentTitle));
        Measure("find concepts in text", seconds, () => concepts.Find(document));
        Measure("whole suggestion", seconds, () => bench.SuggestForTwoPageLetter());
        Console.WriteLine($"load [{Load()}]");
        return 0;
    }

    private static void Measure(string stage, double seconds, Func<object> call)
    {
        for (var i = 0; i < 2_000; i++) call(); // tiering
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var thread = new ThreadCpu();
        long n = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++) call();
            n += 100;
        }
        var cpu = thread.Elapsed();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{stage,-28} {watch.Elapsed.TotalMicroseconds / n,9:F2} µs wall {cpu.TotalMicroseconds / n,9:F2} µs CPU {bytes / n,8} B");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

    /// <summary>CPU time of the whole process (the loop is single-threaded; GC threads are counted too).</summary>
    private sealed class ThreadCpu
    {
        private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;
        public TimeSpan Elapsed() => Process.GetCurrentProcess().TotalProcessorTime - _start;
    }
}
