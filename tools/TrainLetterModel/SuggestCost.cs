using System.Diagnostics;
using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;

namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// A quick in-process measurement of what the model adds to a suggestion (not a benchmark: a few seconds of Stopwatch
/// over the corpus letters, Release build recommended): suggest with the rules alone, with the model consulted on every
/// letter, and the model's own part (hashing the stems is inside the engine's scan; scoring is measured alone).
/// </summary>
public static class SuggestCost
{
    public static void Print(GuidanceEngine rules, LetterCategoryModel model, IReadOnlyList<CorpusLetter> letters, TextWriter log)
    {
        // Thresholds of 0 consult the model on every letter, the costliest case.
        var withModel = rules.WithSecondOpinion(new CategorySecondOpinion(model, 0, 0, false));
        var features = letters.Select(l => rules.Features(l.Facts)).ToList();
        for (var round = 0; round < 2; round++)
        {
            var alone = Time(letters.Count, i => rules.Suggest(letters[i].Facts, letters[i].Standing, letters[i].ChosenOption));
            var both = Time(letters.Count, i => withModel.Suggest(letters[i].Facts, letters[i].Standing, letters[i].ChosenOption));
            var scoring = Time(letters.Count, i => model.Best(features[i]));
            log.WriteLine($"round {round + 1}: suggest rules alone {alone:0.0} µs, rules + model {both:0.0} µs (+{both - alone:0.0} µs), "
                + $"model scoring alone {scoring:0.00} µs per letter; {features.Average(f => f.Length):0} features per letter on average");
        }
    }

    private static double Time(int count, Action<int> run)
    {
        for (var i = 0; i < count; i++) run(i);
        var watch = Stopwatch.StartNew();
        var n = 0;
        while (watch.Elapsed.TotalSeconds < 2)
        {
            for (var i = 0; i < count; i++) run(i);
            n += count;
        }
        return watch.Elapsed.TotalMicroseconds / n;
    }
}
