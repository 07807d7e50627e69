using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SmartPost.Benchmarks;

/// <summary>
/// One stage of a profile: called in turns of a few milliseconds, round after round between the other stages; reports
/// the fastest round and the median per call. On a shared machine the fastest round is the closest to its own cost, and
/// the thread's CPU time per call (on Linux) leaves out the time spent waiting for a core: with other work running, compare
/// the CPU columns.
/// </summary>
internal sealed class ProfileStage(string name, Func<object> call)
{
    private readonly List<double> _perCall = [];
    private readonly List<double> _cpuPerCall = [];
    private long _calls, _bytes;

    public string Name => name;
    public int Rounds => _perCall.Count;

    /// <summary>Microseconds per call in the fastest round.</summary>
    public double Fastest => _perCall.Min();

    /// <summary>Microseconds of the thread's CPU time per call in the round that used the least.</summary>
    public double FastestCpu => _cpuPerCall.Min();

    public void Warm()
    {
        // Tiered compilation reaches the optimised code; a slow stage (a 256 kB screening) gets a few seconds' worth.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3_000 && (i < 100 || watch.Elapsed.TotalSeconds < 3); i++) call();
    }

    public void Round(TimeSpan length)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed < length)
        {
            for (var i = 0; i < 10; i++) call();
            n += 10;
        }
        _perCall.Add(watch.Elapsed.TotalMicroseconds / n);
        _cpuPerCall.Add((ThreadCpu.Now() - cpu).TotalMicroseconds / n);
        _calls += n;
        _bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
    }

    public override string ToString()
    {
        var sorted = _perCall.Order().ToList();
        var cpu = _cpuPerCall.Order().ToList();
        return $"{name,-30} {sorted[0],9:F2} {sorted[sorted.Count / 2],9:F2} {cpu[0],9:F2} {cpu[cpu.Count / 2],9:F2} {_bytes / _calls,8} B";
    }

    /// <summary>Runs the stages in turns of 10 ms for about <paramref name="seconds"/> and prints one line per stage.</summary>
    public static void RunAll(IReadOnlyList<ProfileStage> stages, double seconds)
    {
        foreach (var stage in stages) stage.Warm();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var stage in stages) stage.Round(TimeSpan.FromMilliseconds(10));
        }
        Console.WriteLine($"{"stage",-30} {"fastest",9} {"median",9} {"cpu fast",9} {"cpu med",9}  allocated  (µs per call, {stages[0].Rounds} rounds of 10 ms)");
        foreach (var stage in stages) Console.WriteLine(stage);
        Console.WriteLine($"load [{Load()}]");
    }

    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
}

/// <summary>The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID); zero where the clock is not available.</summary>
internal static class ThreadCpu
{
    public static TimeSpan Now() => CpuClock.Read(3);
}

/// <summary>The whole process's CPU time (CLOCK_PROCESS_CPUTIME_ID), for work that hops threads; zero where not available.</summary>
internal static class ProcessCpu
{
    public static TimeSpan Now() => CpuClock.Read(2);
}

internal static class CpuClock
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static TimeSpan Read(int clock)
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(clock, out var time) != 0) return TimeSpan.Zero;
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }
}
