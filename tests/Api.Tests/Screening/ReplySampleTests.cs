using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Every line of the shared replies-sample.jsonl must get exactly its labels (issue 3).</summary>
public class ReplySampleTests
{
    private static readonly SmartPost.Api.Screening.ReplyScreener Screener = LabelledReplies.CreateScreener();

    public static TheoryData<string> SampleIds() =>
        new(LabelledReplies.Load(TestPaths.SharedFile("data", "replies-sample.jsonl")).Select(r => r.Id));

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void SampleReplyGetsExactlyItsLabels(string id)
    {
        var reply = LabelledReplies.Load(TestPaths.SharedFile("data", "replies-sample.jsonl")).Single(r => r.Id == id);
        var result = Screener.Screen(reply.Subject, reply.Text, LabelledReplies.AnyContext);
        var evidence = string.Join(" | ", result.Flags.SelectMany(f => f.Evidence.Select(e => $"{f.Kind}:{e.Text}")));
        Assert.True(reply.Labels.Order().SequenceEqual(LabelledReplies.LabelsOf(result)),
            $"{reply.Id}: expected [{string.Join(",", reply.Labels)}] got [{string.Join(",", LabelledReplies.LabelsOf(result))}] evidence: {evidence}. Note: {reply.Note}");
    }

    [Fact]
    public void SampleFileHasAllThirtyReplies() =>
        Assert.Equal(30, LabelledReplies.Load(TestPaths.SharedFile("data", "replies-sample.jsonl")).Count());
}
