using Microsoft.Extensions.DependencyInjection;
using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// The learned category model (Api/Rules/letter-model.zip, trained by tools/TrainLetterModel) and how it combines with
/// the rules: it loads, its manifest belongs to it and to the corpus it was trained on, and it changes a letter's
/// category only where the combination says so.
/// </summary>
public class LetterModelTests
{
    private static string ModelPath => Path.Combine(AppContext.BaseDirectory, "Rules", "letter-model.zip");

    [Fact]
    public void CommittedModelLoadsAndItsManifestIsSealedToIt()
    {
        var manifest = LetterModelManifest.ReadVerified(ModelPath);
        var model = LetterCategoryModel.Load(ModelPath);

        var letter = LetterCorpus.Read("sample-letters.jsonl").First(l => l.ExpectedCategory is not null);
        Span<float> p = stackalloc float[LetterModelRow.ClassCount];
        model.Probabilities(TestEngine.RulesAlone.Features(letter.Facts), p);
        Assert.Equal(1.0, p.ToArray().Sum(), 3);
        Assert.NotEmpty(manifest.LeaveOneWriterOut);
    }

    [Fact]
    public void SixteenBitWeightsGiveMlNetsOwnProbabilities()
    {
        // The engine scores with 16-bit fixed-point weights read out of the zip; ML.NET scores the same zip with its floats.
        var ml = new Microsoft.ML.MLContext(seed: 0);
        var transformer = ml.Model.Load(ModelPath, out _);
        var engine = ml.Model.CreatePredictionEngine<LetterModelRow, MlNetScores>(transformer);
        var model = LetterCategoryModel.Load(ModelPath);
        Span<float> p = stackalloc float[LetterModelRow.ClassCount];
        var largest = 0.0;
        foreach (var letter in LetterCorpus.All.Where(l => l.ExpectedCategory is not null).Take(200))
        {
            var features = TestEngine.RulesAlone.Features(letter.Facts);
            var expected = engine.Predict(LetterModelRow.For(letter.ExpectedCategory, features)).Score;
            model.Probabilities(features, p);
            for (var c = 0; c < p.Length; c++) largest = Math.Max(largest, Math.Abs(p[c] - expected[c]));
        }
        Assert.True(largest < 0.005, $"16-bit scoring differs from ML.NET by up to {largest:0.0000}");
    }

    private sealed class MlNetScores
    {
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void ManifestNamesTheHashOfTheCorpusItWasTrainedOn()
    {
        var manifest = LetterModelManifest.ReadVerified(ModelPath);
        var labelled = LetterCorpus.All.Where(l => l.ExpectedCategory is not null).ToList();

        Assert.Equal(labelled.Count, manifest.TrainingLetters);
        Assert.Equal(LetterModelManifest.TrainingDataSha256Of(labelled.Select(l => (l.Facts, l.ExpectedCategory!.Value))), manifest.TrainingDataSha256);
    }

    [Fact]
    public void ManifestEditedAfterTrainingIsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("letter-model-");
        try
        {
            var zip = Path.Combine(folder.FullName, "letter-model.zip");
            File.Copy(ModelPath, zip);
            var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(LetterModelManifest.PathBeside(ModelPath)));
            json["thresholdWhenRulesUnsure"] = 0.01;
            File.WriteAllText(LetterModelManifest.PathBeside(zip), json.ToString());

            var refused = Assert.Throws<InvalidOperationException>(() => LetterModelManifest.ReadVerified(zip));
            Assert.Contains("seal", refused.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheAppVerifiesTheCommittedModelAtStartUpAndConsultsItAsItsManifestSays()
    {
        var manifest = LetterModelManifest.ReadVerified(new GuidanceOptions().ResolvedLetterModelPath()!);
        using var api = new ApiFactory();

        var opinion = api.Services.GetRequiredService<GuidanceEngine>().SecondOpinion;

        var consulted = manifest.Adopted || manifest.ThresholdToDoubtClearRules <= 1;
        Assert.Equal(consulted, opinion is not null);
        Assert.Equal(consulted, TestEngine.Shipped.SecondOpinion is not null);
        if (opinion is null) return;
        Assert.Equal(manifest.ThresholdToDoubtClearRules, opinion.ThresholdToDoubtClearRules);
        Assert.Equal(manifest.Adopted ? manifest.ThresholdWhenRulesUnsure : 2, opinion.ThresholdWhenRulesUnsure);
    }

    [Theory]
    [InlineData(true, 2.0)]
    [InlineData(false, 2.0)]
    [InlineData(true, 0.8)]
    [InlineData(false, 0.8)]
    public void AManifestBringsItsOverruleThresholdsOnlyWhenItAdoptedTheModelAndItsDoubtThresholdWhenItChoseOne(bool adopted, double doubt)
    {
        var folder = Directory.CreateTempSubdirectory("letter-model-");
        try
        {
            var zip = Path.Combine(folder.FullName, "letter-model.zip");
            File.Copy(ModelPath, zip);
            var manifest = LetterModelManifest.ReadVerified(ModelPath);
            (manifest.Adopted, manifest.ThresholdWhenRulesUnsure, manifest.MinimumContentWords, manifest.MinimumMargin, manifest.ThresholdToDoubtClearRules) =
                (adopted, 0.9, 7, 0.25, doubt);
            manifest.SealAndWrite(zip);

            var opinion = LetterModelSetup.SecondOpinion(zip);

            if (!adopted && doubt > 1)
            {
                Assert.Null(opinion);
                return;
            }
            Assert.NotNull(opinion);
            Assert.Equal((adopted ? 0.9 : 2, 7, 0.25, doubt),
                (opinion.ThresholdWhenRulesUnsure, opinion.MinimumContentWords, opinion.MinimumMargin, opinion.ThresholdToDoubtClearRules));
            Assert.True(opinion.ThresholdWhenRulesClear > 1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A model that is sure of one kind whatever the letter says: the combination alone decides whether it is heard.
    private static LetterCategoryModel SureOf(GuidanceCategory category)
    {
        var biases = new float[LetterModelRow.ClassCount];
        biases[(int)category] = 20;
        return new LetterCategoryModel(new float[LetterModelRow.ClassCount * LetterFeatures.Dimension], biases);
    }

    private static readonly LetterFacts AsksClearly = new("Anmodning om lægeerklæring", "Udgående brev",
        "Kære Jens Hansen\n\nVi beder dig sende en lægeerklæring til os senest den 1. marts 2027.\n\nMed venlig hilsen\nFærdselsstyrelsen");

    private static readonly LetterFacts SaysLittle = new("Brev", null, "Kære Jens Hansen\n\nHermed dit kørekort.\n\nMed venlig hilsen\nFærdselsstyrelsen");

    [Fact]
    public void RulesThatAreClearKeepTheirCategoryBelowTheClearThreshold()
    {
        var rulesAlone = TestEngine.RulesAlone.Suggest(AsksClearly);
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.Approval), 2, 0, CandidatesOnly: false));

        var got = engine.Suggest(AsksClearly);

        Assert.Equal(GuidanceCategory.ExpectsReply, rulesAlone.Category);
        Assert.Equal(rulesAlone.Category, got.Category);
        Assert.Equal(rulesAlone.Reasons, got.Reasons);
    }

    [Fact]
    public void UnsureRulesGiveWayToAConfidentModelWithADanishReasonWithoutScores()
    {
        var rulesAlone = TestEngine.RulesAlone.Suggest(SaysLittle);
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.Receipt), 2, 0.9, CandidatesOnly: false));

        var got = engine.Suggest(SaysLittle);

        Assert.NotEqual(GuidanceCategory.Receipt, rulesAlone.Category);
        Assert.Equal(GuidanceCategory.Receipt, got.Category);
        var reason = Assert.Single(got.Reasons, r => r.Contains("ordlyd som helhed"));
        Assert.DoesNotMatch(@"\d", reason);
        Assert.DoesNotContain("Receipt", reason);
    }

    private static readonly LetterFacts RefusalBesideAnExpiry = new("Brev", null,
        "Kære Jens Hansen\n\nDin ansøgning om fornyelse af kørekort til kategori C er afslået. Dit kørekort udløber den 1. marts 2027."
        + "\n\nMed venlig hilsen\nFærdselsstyrelsen");

    [Fact]
    public void AModelThatChangesTheKindKeepsTheMissingKlagevejledningTheRulesTextRaises()
    {
        var rulesAlone = TestEngine.RulesAlone.Suggest(RefusalBesideAnExpiry);
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.InformationMaterial), 2, 0.9, CandidatesOnly: false));

        var got = engine.Suggest(RefusalBesideAnExpiry);

        Assert.Equal(GuidanceCategory.Decision, rulesAlone.Category);
        Assert.Equal(GuidanceCategory.InformationMaterial, got.Category);
        var check = Assert.Single(got.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        Assert.Equal(GuidanceCategory.Decision, check.Kind);
    }

    [Fact]
    public void AKindTheRulesTookFromTheDocumentTypeAloneRaisesNoKlagevejledningCheckOnceTheModelChangesIt()
    {
        var typedOnly = new LetterFacts("Brev", "Afgørelse", "Kære Jens Hansen\n\nHermed dit kørekort.\n\nMed venlig hilsen\nFærdselsstyrelsen");
        var rulesAlone = TestEngine.RulesAlone.Suggest(typedOnly);
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.InformationMaterial), 2, 0.9, CandidatesOnly: false));

        var got = engine.Suggest(typedOnly);

        Assert.Equal(GuidanceCategory.Decision, rulesAlone.Category);
        Assert.Contains(rulesAlone.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        Assert.Equal(GuidanceCategory.InformationMaterial, got.Category);
        Assert.DoesNotContain(got.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Fact]
    public void ClearRulesAgainstAModelSureOfAnotherKindStayButTheCaseworkerIsToldToChoose()
    {
        var rulesAlone = TestEngine.RulesAlone.Suggest(AsksClearly);
        var doubting = TestEngine.RulesAlone.WithSecondOpinion(
            new CategorySecondOpinion(SureOf(GuidanceCategory.InformationMaterial), 2, 0.9, false, ThresholdToDoubtClearRules: 0.9));

        var got = doubting.Suggest(AsksClearly, chosenOption: ReplyOption.WithoutReply);

        Assert.Equal((rulesAlone.Category, rulesAlone.Recommendation), (got.Category, got.Recommendation));
        var check = Assert.Single(got.Checks, c => c.Code == GuidanceChecks.CategoryUncertain);
        Assert.Equal(CheckSeverity.Warning, check.Severity);
        Assert.Equal(GuidanceCategory.InformationMaterial, check.Kind);
        Assert.Contains("med svarmulighed", check.Message);
        Assert.Contains("uden svarmulighed", check.Message);
        Assert.Contains("Vælg selv", check.Message);
        Assert.DoesNotMatch(@"\d|InformationMaterial|ExpectsReply", check.Message);
        Assert.Contains(got.Reasons, r => r.StartsWith("Usikker kategori", StringComparison.Ordinal));
        // Either kind's reply option is the caseworker's choice: choosing the other one is not against the suggestion.
        Assert.DoesNotContain(got.Checks, c => c.Code == GuidanceChecks.ChosenOptionContradictsSuggestion);
        Assert.Contains(TestEngine.RulesAlone.Suggest(AsksClearly, chosenOption: ReplyOption.WithoutReply).Checks,
            c => c.Code == GuidanceChecks.ChosenOptionContradictsSuggestion);
    }

    [Fact]
    public void ClearRulesAreNotDoubtedBelowTheDoubtThreshold()
    {
        var engine = TestEngine.RulesAlone.WithSecondOpinion(
            new CategorySecondOpinion(SureOf(GuidanceCategory.InformationMaterial), 2, 0.9, false, ThresholdToDoubtClearRules: 2));

        var got = engine.Suggest(AsksClearly);

        Assert.DoesNotContain(got.Checks, c => c.Code == GuidanceChecks.CategoryUncertain);
        Assert.Equal(TestEngine.RulesAlone.Suggest(AsksClearly).Reasons, got.Reasons);
    }

    [Fact]
    public void UnsureRulesTheModelMayNotOverruleForAnotherReplyOptionAreMarkedUnsureNotChanged()
    {
        var rulesAlone = TestEngine.RulesAlone.Suggest(SaysLittle);
        var other = rulesAlone.ReplyOption == ReplyOption.WithReply ? GuidanceCategory.InformationMaterial : GuidanceCategory.ExpectsReply;
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(other), 2, 0.9, false, SameReplyOption: true));

        var got = engine.Suggest(SaysLittle);

        Assert.Equal((rulesAlone.Category, rulesAlone.Recommendation), (got.Category, got.Recommendation));
        Assert.Equal(other, Assert.Single(got.Checks, c => c.Code == GuidanceChecks.CategoryUncertain).Kind);
    }

    [Fact]
    public void CandidatesOnlyKeepsTheModelToKindsTheRulesSawEvidenceFor()
    {
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.DrivingRightWithdrawal), 0, 0, CandidatesOnly: true));

        Assert.Equal(TestEngine.RulesAlone.Suggest(SaysLittle).Category, engine.Suggest(SaysLittle).Category);
    }

    [Fact]
    public void ALetterWithFewerContentWordsThanTheGateKeepsTheRulesCategory()
    {
        var rulesAlone = TestEngine.RulesAlone.Suggest(SaysLittle);
        var words = TestEngine.RulesAlone.ContentWords(SaysLittle);
        var gated = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.Receipt), 2, 0.9, false, MinimumContentWords: words + 1));
        var atGate = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(SureOf(GuidanceCategory.Receipt), 2, 0.9, false, MinimumContentWords: words));

        Assert.InRange(words, 1, 10);
        Assert.Equal(rulesAlone.Category, gated.Suggest(SaysLittle).Category);
        Assert.Equal(GuidanceCategory.Receipt, atGate.Suggest(SaysLittle).Category);
    }

    [Fact]
    public void AModelTornBetweenTwoKindsKeepsTheRulesCategoryBelowTheMarginGate()
    {
        // Receipt 0.52, Approval 0.48 (the other kinds near 0): a lead of 0.05.
        var biases = new float[LetterModelRow.ClassCount];
        biases[(int)GuidanceCategory.Receipt] = 20.05f;
        biases[(int)GuidanceCategory.Approval] = 19.95f;
        var torn = new LetterCategoryModel(new float[LetterModelRow.ClassCount * LetterFeatures.Dimension], biases);
        var rulesAlone = TestEngine.RulesAlone.Suggest(SaysLittle);

        var gated = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(torn, 2, 0.5, false, MinimumMargin: 0.1));
        var ungated = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(torn, 2, 0.5, false, MinimumMargin: 0));

        Assert.Equal(rulesAlone.Category, gated.Suggest(SaysLittle).Category);
        Assert.Equal(GuidanceCategory.Receipt, ungated.Suggest(SaysLittle).Category);
    }

    [Fact]
    public void ContentWordsCountTheLettersOwnLongerWordsNotItsTitle()
    {
        var shortWords = new LetterFacts("Afgørelse om kørekort til bil", null, "Vi har det, og du er på.");
        var more = new LetterFacts("Brev", null, "Vi har det, og du er på. Lægeerklæringen om dit helbred mangler stadig i sagen.");

        Assert.Equal(0, TestEngine.RulesAlone.ContentWords(shortWords));
        Assert.True(TestEngine.RulesAlone.ContentWords(more) >= 4);
    }

    [Fact]
    public void ThresholdsAboveOneLeaveEveryCorpusLetterAsTheRulesHaveIt()
    {
        var engine = TestEngine.RulesAlone.WithSecondOpinion(new CategorySecondOpinion(LetterCategoryModel.Load(ModelPath), 2, 2, CandidatesOnly: false));

        foreach (var letter in LetterCorpus.Read("blind-d.jsonl"))
        {
            var rules = TestEngine.RulesAlone.Suggest(letter.Facts, letter.Standing, letter.ChosenOption);
            var both = engine.Suggest(letter.Facts, letter.Standing, letter.ChosenOption);
            Assert.Equal((rules.Category, rules.Recommendation), (both.Category, both.Recommendation));
            Assert.Equal(rules.Checks.Select(c => c.Code), both.Checks.Select(c => c.Code));
        }
    }
}
