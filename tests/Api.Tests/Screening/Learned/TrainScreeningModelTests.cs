using Newtonsoft.Json;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Tools.TrainScreeningModel;

namespace SmartPost.Api.Tests.Screening.Learned;

public class TrainScreeningModelTests(FixtureModel fixture) : IClassFixture<FixtureModel>
{
    private const string AccessRequest = "Jeg vil gerne have aktindsigt i alle dokumenter i min sag.";
    private const string ThankYou = "Tak for brevet, jeg kommer til prøven.";

    [Fact]
    public void Trained_model_flags_an_obvious_access_request_and_not_a_thank_you()
    {
        var classifier = ReplyClassifier.Load(fixture.Baseline.ModelPath);
        var threshold = classifier.Thresholds[FlagKind.AccessToRecordsRequest];

        Assert.True(classifier.Score(ReplyClassifier.InputText(null, AccessRequest))[FlagKind.AccessToRecordsRequest] >= threshold);
        Assert.True(classifier.Score(ReplyClassifier.InputText(null, ThankYou))[FlagKind.AccessToRecordsRequest] < threshold);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_manifest_and_scores()
    {
        var again = fixture.Train("again");

        Assert.Equal(fixture.Baseline.Manifest.TrainingDataSha256, again.Manifest.TrainingDataSha256);
        Assert.Equal(Thresholds(fixture.Baseline.Manifest), Thresholds(again.Manifest));
        var first = ReplyClassifier.Load(fixture.Baseline.ModelPath);
        var second = ReplyClassifier.Load(again.ModelPath);
        foreach (var text in new[] { AccessRequest, ThankYou, "Jeg klager over afgørelsen og beder om en uge mere." })
        {
            Assert.Equal(first.Score(text), second.Score(text));
        }
    }

    [Fact]
    public void Manifest_records_what_was_trained_and_leaves_out_labels_with_too_few_replies()
    {
        var manifest = fixture.Baseline.Manifest;

        Assert.Equal(44, manifest.TrainingReplies);
        Assert.Equal(12, manifest.Kinds.Single(k => k.Label == ModelLabels.AccessToRecords).Positives);
        Assert.True(manifest.Kinds.Single(k => k.Label == ModelLabels.AccessToRecords).Trained);
        Assert.False(manifest.Kinds.Single(k => k.Label == ModelLabels.SelfServiceExemption).Trained);
        Assert.Matches("^[0-9a-f]{64}$", manifest.TrainingDataSha256);
    }

    [Fact]
    public void A_kind_with_its_own_false_positive_budget_gets_its_threshold_from_it_and_the_manifest_says_so()
    {
        // A loose budget for every kind, then the same with a budget of none for klage alone.
        var loose = fixture.Train("loose", options => options with { MaxFalsePositiveRate = 0.3, MaxFalsePositiveRateByLabel = new Dictionary<string, double>() });
        var strict = fixture.Train("strict-klage", options => options with
        {
            MaxFalsePositiveRate = 0.3,
            MaxFalsePositiveRateByLabel = new Dictionary<string, double> { [ModelLabels.Complaint] = 0 },
        });

        ModelKind Kind((string, ScreeningModelManifest Manifest) model, string label) => model.Manifest.Kinds.Single(k => k.Label == label);
        Assert.True(Kind(loose, ModelLabels.Complaint).CrossValidation!.FalsePositiveRate > 0, "the loose budget lets some replies without klage through");
        Assert.Equal(0, Kind(strict, ModelLabels.Complaint).CrossValidation!.FalsePositiveRate);
        Assert.True(Kind(strict, ModelLabels.Complaint).Threshold > Kind(loose, ModelLabels.Complaint).Threshold);
        Assert.Equal(0, Kind(strict, ModelLabels.Complaint).MaxFalsePositiveRate);
        // The other kinds keep the manifest's budget and its threshold.
        Assert.Null(Kind(strict, ModelLabels.AccessToRecords).MaxFalsePositiveRate);
        Assert.Equal(Kind(loose, ModelLabels.AccessToRecords).Threshold, Kind(strict, ModelLabels.AccessToRecords).Threshold);
    }

    [Fact]
    public void Recorded_out_of_fold_scores_choose_the_same_thresholds_and_are_refused_for_other_data()
    {
        var scores = fixture.WriteFile("oof.jsonl", "");
        var folds = fixture.Train("folds", options => options with { OutOfFoldScoresPath = scores });
        var reused = fixture.Train("reused", options => options with { OutOfFoldScoresFrom = scores });

        Assert.Equal(Thresholds(folds.Manifest), Thresholds(reused.Manifest));
        Assert.Equal(JsonConvert.SerializeObject(folds.Manifest.Kinds), JsonConvert.SerializeObject(reused.Manifest.Kinds));
        var corrections = fixture.WriteFile("one-more.jsonl",
            JsonConvert.SerializeObject(new { text = "En helt ny tekst om noget andet.", kind = "klage", verdict = "Added" }) + "\n");
        var error = Assert.Throws<InvalidDataException>(() => fixture.Train("other-data", options => options with
        {
            CorrectionFiles = [corrections],
            OutOfFoldScoresFrom = scores,
        }));
        Assert.Contains("other data", error.Message);
    }

    [Fact]
    public void A_rejected_correction_lowers_the_score_of_its_text_after_retraining()
    {
        const string Corrected = "Send mig venligst de papirer, I har om mig.";
        var corrections = fixture.WriteFile("corrections.jsonl",
            JsonConvert.SerializeObject(new { replyId = "r-1", subject = (string?)null, text = Corrected, kind = "AccessToRecordsRequest", verdict = "Rejected" }) + "\n");

        var corrected = fixture.Train("corrected", corrections);

        Assert.Equal(1, corrected.Manifest.Corrections);
        Assert.NotEqual(fixture.Baseline.Manifest.TrainingDataSha256, corrected.Manifest.TrainingDataSha256);
        var before = ReplyClassifier.Load(fixture.Baseline.ModelPath).Score(Corrected)[FlagKind.AccessToRecordsRequest];
        var after = ReplyClassifier.Load(corrected.ModelPath).Score(Corrected)[FlagKind.AccessToRecordsRequest];
        Assert.True(after < before, $"score after the correction {after} should be below {before}");
    }

    [Fact]
    public void Corrections_accept_labels_and_kind_names_and_reject_an_unknown_verdict_with_its_line()
    {
        var good = fixture.WriteFile("good.jsonl", """
            {"text": "Jeg klager.", "kind": "klage", "verdict": "Confirmed"}
            {"subject": "Frist", "text": "En uge mere, tak.", "kind": "DeadlineExtensionRequest", "verdict": "Added"}
            """);
        var bad = fixture.WriteFile("bad.jsonl", """
            {"text": "Jeg klager.", "kind": "klage", "verdict": "Confirmed"}
            {"text": "Jeg klager.", "kind": "klage", "verdict": "Maybe"}
            """);

        var read = CorrectionsFile.Read(good).Select(c => c.Correction).ToList();
        var error = Assert.Throws<InvalidDataException>(() => CorrectionsFile.Read(bad).ToList());

        Assert.Equal([ModelLabels.Complaint, ModelLabels.DeadlineExtension], read.Select(c => c.Label));
        Assert.Equal([Verdict.Confirmed, Verdict.Added], read.Select(c => c.Verdict));
        Assert.Equal("Frist\nEn uge mere, tak.", read[1].Text);
        Assert.Contains("bad.jsonl:2", error.Message);
    }

    private static Dictionary<string, double> Thresholds(ScreeningModelManifest manifest) =>
        manifest.Kinds.ToDictionary(k => k.Label, k => k.Threshold);
}
