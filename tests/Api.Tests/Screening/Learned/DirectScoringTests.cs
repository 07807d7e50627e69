using Microsoft.ML;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.Tools.TrainScreeningModel;
using Xunit.Abstractions;

namespace SmartPost.Api.Tests.Screening.Learned;

/// <summary>The stems model scored by hand gives ML.NET's probabilities and decisions (docs/screening-model.md, "Direct scoring").</summary>
public class DirectScoringTests(ITestOutputHelper output)
{
    private static string CommittedModel => Path.Combine(AppContext.BaseDirectory, "Rules", "screening-model.zip");

    [Fact]
    public void Every_corpus_reply_scores_as_in_MLNET_within_1e_4_and_is_decided_the_same_at_every_threshold()
    {
        var classifier = ReplyClassifier.Load(CommittedModel);
        Assert.True(classifier.ScoresDirectly, classifier.WhyNotDirect);
        var ml = new MLContext(seed: 1);
        var engine = ml.Model.CreatePredictionEngine<ReplyModelInput, ReplyModelOutput>(ml.Model.Load(CommittedModel, out _));
        var trained = classifier.Manifest.Kinds.Where(k => k.Trained).Select(k => ModelLabels.KindOf(k.Label)).ToList();

        var replies = 0;
        var largest = 0f;
        var worst = "";
        var decisionsDiffering = new List<string>();
        foreach (var (id, subject, text) in CorpusReplies())
        {
            var input = ReplyClassifier.InputText(subject, text);
            var direct = classifier.Score(input);
            var expected = engine.Predict(new ReplyModelInput { Text = ReplyClassifier.ModelText(ReplyClassifier.Window(input), classifier.Manifest.Input) }).Probabilities;
            for (var slot = 0; slot < trained.Count; slot++)
            {
                if (trained[slot] is not { } kind) continue;
                var difference = Math.Abs(direct[kind] - expected[slot]);
                if (difference > largest) (largest, worst) = (difference, $"{id} {kind}: {direct[kind]} by hand, {expected[slot]} in ML.NET");
                if (direct[kind] >= classifier.Thresholds[kind] != expected[slot] >= classifier.Thresholds[kind]) decisionsDiffering.Add($"{id} {kind}");
            }
            replies++;
        }

        output.WriteLine($"{replies} replies, largest difference {largest:E2} ({worst})");
        Assert.True(replies > 2000, $"only {replies} corpus replies found");
        Assert.True(largest <= 1e-4f, $"largest difference {largest}: {worst}");
        Assert.Empty(decisionsDiffering);
    }

    [Fact]
    public void Every_corpus_reply_scores_the_same_from_the_screeners_analysis_as_from_a_second_reading()
    {
        var classifier = ReplyClassifier.Load(CommittedModel);
        Assert.True(classifier.ScoresDirectly, classifier.WhyNotDirect);
        // A fresh analyzer, as the app has after start-up: the first reply of a word learns it, later ones read the memo.
        var words = ScreeningRules.Load(TestScreener.RulesPath).Concepts.Analyzer;
        var replies = 0;
        var differing = new List<string>();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (id, subject, text) in CorpusReplies())
            {
                var input = ReplyClassifier.InputText(subject, text);
                var window = ReplyClassifier.Window(input);
                Assert.Equal(SmartPost.Api.Text.TextAnalyzer.Stems(window), words.StemsOf(window));
                var expected = classifier.Score(input);
                var fromMemo = classifier.Score(input, words);
                foreach (var (kind, score) in expected)
                {
                    if (fromMemo[kind] != score) differing.Add($"{id} {kind}: {fromMemo[kind]} from the memo, {score} read again");
                }
                replies++;
            }
        }
        Assert.True(replies > 4000, $"only {replies / 2} corpus replies found");
        Assert.Empty(differing);
    }

    [Fact]
    public void Words_outside_the_vocabulary_add_nothing_and_break_the_bigram_across_them_as_in_MLNET()
    {
        var classifier = ReplyClassifier.Load(CommittedModel);
        var ml = new MLContext(seed: 1);
        var engine = ml.Model.CreatePredictionEngine<ReplyModelInput, ReplyModelOutput>(ml.Model.Load(CommittedModel, out _));

        foreach (var text in new[] { "aktindsigt", "jeg beder om aktindsigt", "jeg beder qqqzzz om qqqzzz aktindsigt qqqzzz", "qqqzzz", "", "klage klage klage over afgørelsen" })
        {
            var direct = classifier.Score(text);
            var expected = engine.Predict(new ReplyModelInput { Text = ReplyClassifier.ModelText(text, classifier.Manifest.Input) }).Probabilities;
            Assert.Equal(expected[0], direct[FlagKind.AccessToRecordsRequest], 4);
            Assert.Equal(expected[1], direct[FlagKind.Complaint], 4);
        }
        // An unknown word between two words removes their bigram: the score moves.
        Assert.NotEqual(classifier.Score("jeg beder om aktindsigt")[FlagKind.AccessToRecordsRequest],
            classifier.Score("jeg beder om qqqzzz aktindsigt")[FlagKind.AccessToRecordsRequest]);
    }

    [Fact]
    public void A_characters_model_cannot_be_read_directly_and_says_why_when_loaded()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 40).Select(i => new TrainingRow
        {
            Text = i % 2 == 0 ? $"jeg beder om aktindsigt i sag {i}" : $"tak for brevet nummer {i}",
            AccessToRecords = i % 2 == 0,
            Complaint = i % 4 == 1,
        }).ToList();
        var model = ScreeningPipeline.Build(ml, ["aktindsigt", "klage"], TrainerKind.SdcaLogisticRegression, FeatureKind.Characters)
            .Fit(ml.Data.LoadFromEnumerable(rows));

        var error = Assert.Throws<NotSupportedException>(() => StemsLinearModel.Read(ml, model));
        Assert.Contains("cannot be scored directly", error.Message);
    }

    [Fact]
    public void A_stems_model_trained_on_other_replies_is_read_and_agrees_with_MLNET()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new TrainingRow
        {
            Text = ReplyClassifier.ModelText(i % 3 == 0 ? $"Jeg beder om aktindsigt i sag {i}" : i % 3 == 1 ? $"Jeg klager over afgørelsen {i}" : $"Tak for brevet {i}", ReplyClassifier.StemsInput),
            AccessToRecords = i % 3 == 0,
            Complaint = i % 3 == 1,
        }).ToList();
        var model = ScreeningPipeline.Build(ml, ["aktindsigt", "klage"], TrainerKind.SdcaLogisticRegression, FeatureKind.Stems)
            .Fit(ml.Data.LoadFromEnumerable(rows));
        var engine = ml.Model.CreatePredictionEngine<ReplyModelInput, ReplyModelOutput>(model);

        var direct = StemsLinearModel.Read(ml, model);
        direct.Verify(text => engine.Predict(new ReplyModelInput { Text = text }).Probabilities, ReplyClassifier.DirectTolerance);

        Span<float> probabilities = stackalloc float[2];
        direct.Probabilities(SmartPost.Api.Text.TextAnalyzer.Stems("Jeg beder om aktindsigt og klager"), probabilities);
        var expected = engine.Predict(new ReplyModelInput { Text = ReplyClassifier.ModelText("Jeg beder om aktindsigt og klager", ReplyClassifier.StemsInput) }).Probabilities;
        Assert.Equal(expected[0], probabilities[0], 5);
        Assert.Equal(expected[1], probabilities[1], 5);
    }

    private static IEnumerable<(string Id, string? Subject, string Text)> CorpusReplies()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "corpus", "replies"), "*.jsonl").Order())
        {
            var line = 0;
            foreach (var json in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(json)) continue;
                var reply = JObject.Parse(json);
                yield return ($"{Path.GetFileName(file)}:{line}", (string?)reply["subject"], (string?)reply["text"] ?? "");
            }
        }
    }
}
