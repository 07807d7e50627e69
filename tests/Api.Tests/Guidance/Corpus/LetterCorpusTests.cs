using Xunit.Abstractions;

using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance.Corpus;

/// <summary>
/// The send-time guidance measured on the labelled letter corpus (tests/corpus/letters). Each file is evaluated and
/// reported on its own; the bars hold for the whole corpus. Run it to read the figures:
/// dotnet run --project tools/EvaluateLetters
/// </summary>
public class LetterCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new(LetterCorpus.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFileIsReported(string file)
    {
        var evaluation = new LetterEvaluation(LetterCorpus.Read(file), TestEngine.Shipped);
        output.WriteLine($"== {file}");
        output.WriteLine(evaluation.Report());
        Assert.True(evaluation.Count > 0, $"{file} has no letters");
    }

    [Fact]
    public void WholeCorpusIsReported()
    {
        var evaluation = new LetterEvaluation(LetterCorpus.All, TestEngine.Shipped);
        output.WriteLine(evaluation.Report());
    }
}
