using SmartPost.Api.Screening.Learned;
using SmartPost.Tools.TrainScreeningModel;

namespace SmartPost.Api.Tests.Screening.Learned;

public class ModelInputAndThresholdTests
{
    [Fact]
    public void A_stems_model_reads_inflections_and_the_ae_spelling_of_a_word_alike()
    {
        Assert.Equal(ReplyClassifier.ModelText("Jeg klager over afgørelsen i sagen", ReplyClassifier.StemsInput),
            ReplyClassifier.ModelText("jeg klage over afgoerelse i sager", ReplyClassifier.StemsInput));
        Assert.NotEqual(ReplyClassifier.ModelText("Jeg klager over afgørelsen", ReplyClassifier.StemsInput),
            ReplyClassifier.ModelText("Jeg takker for afgørelsen", ReplyClassifier.StemsInput));
    }

    [Fact]
    public void A_model_of_the_characters_reads_the_input_text_itself_and_an_unknown_input_is_refused()
    {
        Assert.Equal("Jeg klager.", ReplyClassifier.ModelText("Jeg klager.", null));
        Assert.Throws<InvalidOperationException>(() => ReplyClassifier.ModelText("Jeg klager.", "lemmas"));
    }

    [Fact]
    public void The_threshold_keeps_every_positive_it_can_while_at_most_the_allowed_share_of_negatives_reach_it()
    {
        float[] negatives = [.. Enumerable.Range(0, 100).Select(i => i / 200f)]; // 0 … 0.495
        float[] positives = [0.3f, 0.49f, 0.6f, 0.9f];

        var atTwoPercent = ThresholdChoice.BestRecallWithin(positives, negatives, 0.02);
        var atOnePercent = ThresholdChoice.BestRecallWithin(positives, negatives, 0.01);

        Assert.True(negatives.Count(n => n >= atTwoPercent) <= 2 && positives.Count(p => p >= atTwoPercent) == 3, $"threshold {atTwoPercent}");
        Assert.True(negatives.Count(n => n >= atOnePercent) <= 1 && positives.Count(p => p >= atOnePercent) == 2, $"threshold {atOnePercent}");
    }

    [Fact]
    public void Leave_one_writer_out_scores_each_batch_with_a_model_that_never_saw_it()
    {
        // Two writers (files): only writer A ever uses the word "zebrafisk", always in an access request. A model trained on B alone
        // has never seen the word, so A's replies cannot score high through it; with ordinary folds they would.
        LabelledReply Reply(string text, bool access, string source) =>
            new(text, access ? new HashSet<string> { ModelLabels.AccessToRecords } : new HashSet<string>(), source);
        var a = Enumerable.Range(0, 20).Select(i => Reply($"zebrafisk zebrafisk {i}", access: true, "a.jsonl"))
            .Concat(Enumerable.Range(0, 20).Select(i => Reply($"tak for brevet {i}", access: false, "a.jsonl")));
        var b = Enumerable.Range(0, 20).Select(i => Reply($"send mig aktindsigt i sagen {i}", access: true, "b.jsonl"))
            .Concat(Enumerable.Range(0, 20).Select(i => Reply($"jeg kommer til prøven {i}", access: false, "b.jsonl")));
        var set = TrainingSet.FromReplies(a.Concat(b));

        var byWriter = CrossValidation.OutOfFoldScores(set, [ModelLabels.AccessToRecords], TrainerKind.SdcaLogisticRegression,
            CrossValidation.LeaveOneWriterOut, seed: 1, features: FeatureKind.Stems);
        var pooled = CrossValidation.OutOfFoldScores(set, [ModelLabels.AccessToRecords], TrainerKind.SdcaLogisticRegression,
            folds: 4, seed: 1, features: FeatureKind.Stems);

        var zebra = Enumerable.Range(0, set.Replies.Count).Where(i => set.Replies[i].Text.StartsWith("zebrafisk", StringComparison.Ordinal)).ToList();
        Assert.True(zebra.Max(i => byWriter[i][0]) < 0.5f, "a writer's own word is unknown to the model that scores it");
        Assert.True(zebra.Min(i => pooled[i][0]) > 0.5f, "with folds that mix writers the word was learned from the same writer");
    }
    [Fact]
    public void Holding_out_named_writers_gives_them_their_leave_one_writer_out_scores_and_scores_no_one_else()
    {
        LabelledReply Reply(string text, bool access, string source) =>
            new(text, access ? new HashSet<string> { ModelLabels.AccessToRecords } : new HashSet<string>(), source);
        var set = TrainingSet.FromReplies(new[] { "a.jsonl", "b.jsonl", "c.jsonl" }.SelectMany(source => Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            Reply($"jeg beder om aktindsigt i sagen {source} {i}", access: true, source),
            Reply($"tak for brevet {source} {i}", access: false, source),
        })));

        var all = CrossValidation.OutOfFoldScores(set, [ModelLabels.AccessToRecords], TrainerKind.SdcaLogisticRegression,
            CrossValidation.LeaveOneWriterOut, seed: 1, features: FeatureKind.Stems);
        var onlyB = CrossValidation.OutOfFoldScores(set, [ModelLabels.AccessToRecords], TrainerKind.SdcaLogisticRegression,
            CrossValidation.LeaveOneWriterOut, seed: 1, features: FeatureKind.Stems, holdOut: ["b.jsonl"]);

        for (var i = 0; i < set.Replies.Count; i++)
        {
            if (set.Replies[i].Source == "b.jsonl") Assert.Equal(all[i], onlyB[i]);
            else Assert.Null(onlyB[i]);
        }
    }
}
