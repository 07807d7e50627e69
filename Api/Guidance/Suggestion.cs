namespace SmartPost.Api.Guidance;

/// <summary>The letter as the engine sees it.</summary>
/// <param name="CaseClosed">WorkZone's "case closed" flag; null when unknown.</param>
public sealed record LetterFacts(string DocumentTitle, string? DocumentType, string Text, bool? CaseClosed = null);

/// <summary>The recipient's standing in Digital Post, already resolved (from the request or the register).</summary>
/// <param name="Exempt">True: exempt (fritaget); null: it could not be determined.</param>
/// <param name="Source">Where the answer came from ("request", "embedded register" …).</param>
public sealed record RecipientStanding(bool? Exempt, bool SpecialLawMandatesDigitalPost, string Source, string? Note = null);

/// <summary>The guidance for one letter; also the response body of POST /api/v1/reply-options/suggest.</summary>
/// <param name="Recommendation">What to do: WithReply, WithoutReply or PhysicalMail.</param>
/// <param name="Material">The SmartPost material to pick in the Send SmartPost dialog.</param>
/// <param name="ReplyOption">The guideline's answer for digital delivery (what the letter needs if it went to e-Boks).</param>
/// <param name="Conflict">True when the letter expects an answer although a formal category would send it uden svarmulighed.</param>
/// <param name="ComplaintGuidanceFound">Whether a klagevejledning was recognised in the text.</param>
public sealed record Suggestion(
    ReplyOption Recommendation,
    string Material,
    GuidanceCategory Category,
    ReplyOption ReplyOption,
    bool Conflict,
    bool ComplaintGuidanceFound,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<GuidanceCheck> Checks,
    IReadOnlyList<Evidence> Evidence,
    MatchedRule MatchedRule)
{
    /// <summary>Swagger example: the engine's answer to <see cref="SuggestRequest.Example"/>.</summary>
    public static Suggestion Example => new(
        ReplyOption.WithReply, "Brev med svarmulighed", GuidanceCategory.ExpectsReply, ReplyOption.WithReply, false, false,
        [
            "Kategori Forventer svar: retningslinjen \"SmartPost skal altid anvendes, når du venter et svar "
                + "tilbage.\" → med svarmulighed. Fundet: \"Anmodning om lægeerklæring\", \"beder dig sende\".",
            "Modtageren er ikke fritaget for Digital Post (ikke fundet i Digital Post-registret; antaget ikke fritaget).",
        ],
        [],
        [
            new Evidence("documentTitle", "Anmodning om lægeerklæring", 0, 26, "expects-reply"),
            new Evidence("text", "beder dig sende", 88, 15, "expects-reply"),
        ],
        new MatchedRule("expects-reply", GuidanceCategory.ExpectsReply, "Forventer svar",
            "SmartPost skal altid anvendes, når du venter et svar tilbage."));
}

/// <summary>The rule that decided the category and the guideline line it implements.</summary>
public sealed record MatchedRule(string Id, GuidanceCategory Category, string Name, string GuidelineLine);

/// <summary>Words that made a rule match, so the task pane can highlight them.</summary>
/// <param name="Field">"documentTitle", "text" or "documentType".</param>
/// <param name="Text">The matched text exactly as in the original string.</param>
/// <param name="Start">Offset (UTF-16 code units) into the original field.</param>
/// <param name="Rule">The rule id the words are evidence for.</param>
public sealed record Evidence(string Field, string Text, int Start, int Length, string Rule);

public enum CheckSeverity { Error, Warning, Info }

/// <summary>A problem or notice for the caseworker; <see cref="Code"/> values are stable (see <see cref="GuidanceChecks"/>).</summary>
/// <param name="Evidence">The sentences the check is about (e.g. the klagevejledning in a withdrawal), for highlighting; may be empty.</param>
/// <param name="Kind">The kind of letter the check is about (for a missing klagevejledning: whose standard text to insert).</param>
public sealed record GuidanceCheck(string Code, CheckSeverity Severity, string Message, IReadOnlyList<Evidence> Evidence, GuidanceCategory? Kind = null)
{
    public GuidanceCheck(string code, CheckSeverity severity, string message) : this(code, severity, message, []) { }
}
