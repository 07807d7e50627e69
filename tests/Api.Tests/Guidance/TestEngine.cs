using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>The engine over the shipped rules file, compiled once for the unit tests (as the app does).</summary>
public static class TestEngine
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json");

    public static GuidanceEngine Shipped { get; } = GuidanceEngine.FromFile(RulesPath, new MaterialNames());

    public static Suggestion Suggest(string title, string text, string? documentType = null, bool? caseClosed = null,
        RecipientStanding? recipient = null, ReplyOption? chosen = null) =>
        Shipped.Suggest(new LetterFacts(title, documentType, text, caseClosed), recipient, chosen);
}
