using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>The engine over the shipped rules file, compiled once for the unit tests (as the app does).</summary>
public static class TestEngine
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json");

    /// <summary>The rules file alone, without the learned category model.</summary>
    public static GuidanceEngine RulesAlone { get; } = GuidanceEngine.FromFile(RulesPath, new MaterialNames());

    /// <summary>
    /// As the app builds it by default: the rules with the letter model of the default Guidance:LetterModelPath, which
    /// the engine consults only if the model's manifest adopted it (docs/guidance.md, "letter model").
    /// </summary>
    public static GuidanceEngine Shipped { get; } = RulesAlone.WithSecondOpinion(LetterModelSetup.SecondOpinion(new GuidanceOptions().ResolvedLetterModelPath()));

    /// <summary>A letter of the customer's sample (tests/corpus/letters/sample-letters.jsonl) by id.</summary>
    public static CorpusLetter Sample(string id) => LetterCorpus.Read("sample-letters.jsonl").Single(l => l.Id == id);

    public static Suggestion Suggest(string title, string text, string? documentType = null, bool? caseClosed = null,
        RecipientStanding? recipient = null, ReplyOption? chosen = null) =>
        Shipped.Suggest(new LetterFacts(title, documentType, text, caseClosed), recipient, chosen);
}
