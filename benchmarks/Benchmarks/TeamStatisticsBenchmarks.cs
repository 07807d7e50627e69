using BenchmarkDotNet.Attributes;
using SmartPost.Api.Teams;

namespace SmartPost.Benchmarks;

/// <summary>
/// The team lead's statistics are computed in memory over a projection of the period's replies: the cost for a
/// busy team's year (about 40 replies a day) and for a month.
/// </summary>
[MemoryDiagnoser]
public class TeamStatisticsBenchmarks
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private List<StatisticsRow> _year = [];
    private List<StatisticsRow> _month = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _year = Enumerable.Range(0, 14_600).Select(i =>
        {
            var received = new DateTime(2026, 1, 1, 6, 0, 0, DateTimeKind.Utc).AddMinutes(i * 36);
            var handled = random.NextDouble() < 0.8;
            return new StatisticsRow(received, handled, handled ? received.AddHours(random.Next(1, 200)) : null,
                random.NextDouble() < 0.2 ? DateOnly.FromDateTime(received).AddDays(10) : null,
                random.NextDouble() < 0.1, random.NextDouble() < 0.1, random.NextDouble() < 0.05, random.NextDouble() < 0.02);
        }).ToList();
        _month = _year.Where(r => r.ReceivedAt < new DateTime(2026, 2, 1)).ToList();
    }

    [Benchmark(Baseline = true)]
    public TeamStatisticsResponse Month() => TeamStatistics.Compute("team-a", From, new DateOnly(2026, 1, 31), new DateOnly(2026, 12, 31), 1, _month);

    [Benchmark]
    public TeamStatisticsResponse Year() => TeamStatistics.Compute("team-a", From, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31), 1, _year);
}
