using BenchmarkDotNet.Attributes;
using SmartPost.Api.Memo;

namespace SmartPost.Benchmarks;

/// <summary>
/// MeMo generation (per dispatch) and reading (per incoming reply) for a typical letter of about 60 KB (a two-page PDF).
/// Run: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*MemoBenchmarks*' --job short --inProcess
/// (--inProcess because the project file name differs from its assembly name, which BenchmarkDotNet's default toolchain needs).
/// </summary>
[MemoryDiagnoser]
public class MemoBenchmarks
{
    private OutgoingMemoMessage _message = null!;
    private string _xml = "";

    [GlobalSetup]
    public void Setup()
    {
        var letter = new byte[60_000];
        new Random(42).NextBytes(letter);
        _message = new OutgoingMemoMessage(
            Guid.NewGuid(), Guid.NewGuid().ToString(), "Afgørelse om førerret", Reply: true,
            new DateTime(2026, 4, 20, 21, 59, 59, DateTimeKind.Utc), Mandatory: false, LegalNotification: false,
            new MemoParty("12345678", "CVR", "Færdselsstyrelsen"), new MemoParty("1504662765", "CPR", "Else Marie Krogh"),
            "FST-2026-01234", "WorkZone", new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
            new MemoFile("afgoerelse.pdf", "application/pdf", "da", letter));
        _xml = MemoMessageWriter.Write(_message);
    }

    [Benchmark]
    public string WriteMessage() => MemoMessageWriter.Write(_message);

    [Benchmark]
    public MemoMessage ReadMessage() => MemoMessageReader.Read(_xml);
}
