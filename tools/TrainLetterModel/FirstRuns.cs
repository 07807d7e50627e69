using SmartPost.Api.Guidance;
using SmartPost.EvaluateLetters;

namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// First runs: each blind batch read by the rules file as it was before that batch was folded in (so neither the rules
/// nor the model has seen the writer — the situation of a new writer in production), scored by a model trained on every
/// other group. With the shipped rules every group is fitted data for the rules, so only this shows what the model adds
/// for a new writer.
/// </summary>
public static class FirstRuns
{
    public static List<HeldOut> Read(IReadOnlyList<(string RulesPath, string Group)> batches, IReadOnlyList<CorpusLetter> letters) =>
        batches.Select(b =>
        {
            var lowo = new LeaveOneWriterOut(GuidanceEngine.FromFile(b.RulesPath, new MaterialNames()), letters);
            var model = lowo.TrainWithout(b.Group);
            var held = lowo.In(b.Group).ToList();
            if (held.Count == 0) throw new ArgumentException($"--first-run: no corpus letters in writer group '{b.Group}'.");
            return new HeldOut(b.Group + " (first run)", lowo.Rules, model, lowo.Outcomes(held, model), held);
        }).ToList();
}
