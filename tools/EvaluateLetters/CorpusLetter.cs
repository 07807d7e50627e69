using Newtonsoft.Json.Linq;
using SmartPost.Api.Guidance;

namespace SmartPost.EvaluateLetters;

/// <summary>
/// One labelled letter of tests/corpus/letters: the request fields of POST /api/v1/reply-options/suggest and what
/// LABELS.md says about it. A line labels the recommendation and category, the send-time checks, or both; what it
/// does not label is not evaluated.
/// </summary>
public sealed record CorpusLetter(
    string File,
    string Id,
    LetterFacts Facts,
    bool? Exempt,
    ReplyOption? ChosenOption,
    ReplyOption? ExpectedRecommendation,
    GuidanceCategory? ExpectedCategory,
    bool? ExpectedConflict,
    IReadOnlyDictionary<string, bool> ExpectedChecks,
    string Note)
{
    /// <summary>The check labels a corpus line may carry, in report order.</summary>
    public static readonly string[] CheckLabels =
        ["MissingComplaintGuidance", "ComplaintGuidanceInWithdrawal", "QuestionWithoutReplyOption", "SelfServiceCheck"];

    /// <summary>As the endpoint resolves it: an exemption given in the request decides, nothing else is asked.</summary>
    public RecipientStanding? Standing => Exempt is { } exempt ? new RecipientStanding(exempt, false, "request") : null;

    public override string ToString() => $"{File}:{Id}";

    /// <summary>Whether the suggestion carries the check a label names (the self-service check: any code with "SelfService").</summary>
    public static bool Has(Suggestion suggestion, string label) => label == "SelfServiceCheck"
        ? suggestion.Checks.Any(c => c.Code.Contains("SelfService", StringComparison.Ordinal))
        : suggestion.Checks.Any(c => c.Code == label);

    public static CorpusLetter Parse(string file, JObject o)
    {
        var expected = (JObject?)o["expected"] ?? new JObject();
        var checks = CheckLabels.Where(l => expected[l] is JValue { Type: JTokenType.Boolean })
            .ToDictionary(l => l, l => (bool)expected[l]!);
        return new CorpusLetter(
            file,
            (string)o["id"]!,
            new LetterFacts((string)o["documentTitle"]!, (string?)o["documentType"], (string)o["text"]!, (bool?)o["caseClosed"]),
            o["recipient"] is JObject r ? (bool?)r["digitalPostExempt"] : null,
            (string?)o["chosenOption"] is { } chosen ? Enum.Parse<ReplyOption>(chosen) : null,
            (string?)expected["recommendation"] is { } rec ? Enum.Parse<ReplyOption>(rec) : null,
            (string?)expected["category"] is { } cat ? Enum.Parse<GuidanceCategory>(cat) : null,
            (bool?)expected["conflict"],
            checks,
            (string?)o["note"] ?? "");
    }
}
