using Newtonsoft.Json;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.EvaluateScreening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// tools/EvaluateScreening --curve: the thresholds of a budget are the trainer's choice, every flag is put down to the
/// part of the screening that made it, and a rules variant changes only what it names.
/// </summary>
public sealed class OperatingCurveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("operating-curve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CorpusReply Reply(string id, string text, params FlagKind[] kinds) => new(id, null, text, kinds, "");

    private RecordedScores Scores(params (string Text, float Klage)[] scores)
    {
        var lines = scores.Select(s => JsonConvert.SerializeObject(new { source = "a.jsonl", text = ReplyClassifier.InputText(null, s.Text),
            scores = new Dictionary<string, float> { ["klage"] = s.Klage } }));
        File.WriteAllLines(Path.Combine(_dir, "oof.jsonl"), lines);
        File.WriteAllText(Path.Combine(_dir, "manifest.json"), """{"kinds":[{"label":"klage","trained":true,"threshold":0.5}]}""");
        return new RecordedScores(Path.Combine(_dir, "oof.jsonl"), Path.Combine(_dir, "manifest.json"));
    }

    [Fact]
    public void ABudgetsThresholdsAreTheTrainersChoiceOnOneExamplePerText()
    {
        var oof = Scores(("Jeg klager.", 0.9f), ("Tak for brevet.", 0.8f), ("Hej.", 0.3f), ("Jeg er uenig.", 0.7f));
        // The second "Tak for brevet." is the same model input with another label: the trainer keeps the first file's.
        List<CorpusReply> corpus = [Reply("1", "Jeg klager.", FlagKind.Complaint), Reply("2", "Tak for brevet."), Reply("3", "Hej."),
            Reply("4", "Jeg er uenig.", FlagKind.Complaint), Reply("5", "Tak for brevet.", FlagKind.Complaint)];

        var none = OperatingCurve.Thresholds(oof, corpus, new OperatingCurve.Setting("0 %", 0, 0));
        var half = OperatingCurve.Thresholds(oof, corpus, new OperatingCurve.Setting("50 %", 0.5, 0.5));

        Assert.Equal((float)ThresholdChoice.BestRecallWithin([0.9f, 0.7f], [0.8f, 0.3f], 0), none[FlagKind.Complaint]);
        Assert.Equal(0.9f, none[FlagKind.Complaint], 5); // above the clean 0.8, so only the 0.9 complaint counts
        Assert.Equal(0.7f, half[FlagKind.Complaint], 5); // one of two negatives may pass: both complaints count
    }

    [Fact]
    public void ThresholdsRefuseScoresWrittenForOtherData()
    {
        var oof = Scores(("Jeg klager.", 0.9f));
        Assert.Throws<InvalidDataException>(() => OperatingCurve.Thresholds(oof, [Reply("1", "Jeg klager."), Reply("2", "Noget andet.")], OperatingCurve.Product));
    }

    [Fact]
    public void EveryFlagIsPutDownToTheRuleTheCertainTierOrTheModel()
    {
        var rules = TestScreener.Rules;
        var source = new FlagSource(rules);
        var model = new FixedScorer(FlagKind.SelfServiceExemptionRequest, 0.99f);
        var flags = OperatingCurve.Screen(rules, model, [Reply("1", "Jeg kan ikke nå fristen."), Reply("2", "Jeg klager over afgørelsen."), Reply("3", "Godt nytår.")])
            .ToDictionary(s => s.Reply.Id, s => s.Flags.Select(source.Of).ToList());

        Assert.Contains("frist Possible: cannot-make-deadline", flags["1"]);
        Assert.Contains("klage rules Certain", flags["2"]);
        Assert.Equal(["selvb model only"], flags["3"]);
    }

    [Fact]
    public void AttributionCountsHitsCleanFlagsAndCleanRepliesFlaggedByASourceAlone()
    {
        var rules = TestScreener.Rules;
        var screened = OperatingCurve.Screen(rules, null, [
            Reply("hit", "Jeg kan ikke nå fristen.", FlagKind.DeadlineExtensionRequest),
            Reply("alone", "Jeg kan ikke nå fristen."),
            Reply("shared", "Jeg kan ikke nå fristen. Jeg klager over afgørelsen."),
            Reply("wrong", "Jeg kan ikke nå fristen.", FlagKind.Complaint)]);

        var cannotMake = Attribution.Of(rules, screened).BySource["frist Possible: cannot-make-deadline"];

        Assert.Equal(new Attribution.Tally(Hits: 1, WrongKind: 1, CleanFlags: 2, CleanAlone: 1), cannotMake);
        Assert.Equal(0.5, OperatingCurve.PooledRecall(OperatingCurve.Evaluate(screened))); // the complaint in "wrong" is missed
    }

    [Fact]
    public void ARulesVariantLeavesOutOrAddsOnlyWhatItNames()
    {
        var rules = TestScreener.Rules;
        var without = RulesVariant.Without(rules, ["cannot-make-deadline", "implied-late"]).Rules;
        File.WriteAllText(Path.Combine(_dir, "added.json"), """
            {"concepts": {"newYear": ["godt nytår"]},
             "kinds": {"Complaint": {"rules": [{"id": "new-year", "certainty": "Possible", "all": ["newYear"], "reason": "Nytår – kan være {kind}"}]}}}
            """);
        var added = RulesVariant.Adding(rules, Path.Combine(_dir, "added.json")).Rules;

        Assert.DoesNotContain(OperatingCurve.Screen(without, null, [Reply("1", "Jeg kan ikke nå fristen.")])[0].Flags,
            f => f.Kind == FlagKind.DeadlineExtensionRequest);
        Assert.Contains(OperatingCurve.Screen(without, null, [Reply("2", "Jeg klager over afgørelsen.")])[0].Flags, f => f.Kind == FlagKind.Complaint);
        Assert.Equal(rules.Rules.Count - 2, without.Rules.Count);
        Assert.Equal(["klage Possible: new-year"], OperatingCurve.Screen(added, null, [Reply("3", "Godt nytår.")])[0].Flags.Select(new FlagSource(added).Of));
        Assert.Throws<ArgumentException>(() => RulesVariant.Without(rules, ["no-such-rule"]));
    }

    // Every other kind scores between the lower threshold (0.05) and the add threshold, so the rules' flags stay as they are.
    private sealed class FixedScorer(FlagKind kind, float score) : IReplyScorer
    {
        public IReadOnlyDictionary<FlagKind, float> Thresholds { get; } = Enum.GetValues<FlagKind>().ToDictionary(k => k, _ => 0.6f);
        public IReadOnlyDictionary<FlagKind, float> Score(string inputText) => Enum.GetValues<FlagKind>().ToDictionary(k => k, k => k == kind ? score : 0.3f);
    }
}
