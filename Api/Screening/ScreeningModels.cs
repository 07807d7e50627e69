namespace SmartPost.Api.Screening;

/// <summary>What a citizen's reply asks for (LABELS.md: aktindsigt, klage, fristforlaengelse, selvbetjening).</summary>
public enum FlagKind
{
    AccessToRecordsRequest,
    Complaint,
    DeadlineExtensionRequest,
    SelfServiceExemptionRequest,
}

/// <summary>How sure the screening is of a flag. Certain: the rules confirm it. Possible: partial evidence or the model's opinion; check it.</summary>
public enum Certainty
{
    Certain,
    Possible,
}

/// <summary>Sub-kinds of an access request: they have different deadlines.</summary>
public static class AccessSubKind
{
    /// <summary>Aktindsigt in the case (offentlighedsloven/forvaltningsloven): 7 and 14 working days.</summary>
    public const string Offentlighedsloven = "Offentlighedsloven";

    /// <summary>GDPR article 15 insight in one's own personal data: one month.</summary>
    public const string GdprArticle15 = "GdprArticle15";
}

/// <summary>A phrase that raised a flag, for highlighting. Offsets refer to the original subject or text.</summary>
/// <param name="Field">"subject" or "text": which input the offsets refer to.</param>
public sealed record Evidence(string Text, int Start, int Length, string Field);

/// <summary>A due date with the rule it comes from (Danish text incl. the legal basis) and a stable code.</summary>
public sealed record DueDate(DateOnly Date, string Rule, string Code);

/// <param name="DueDate">The first date the caseworker must act by.</param>
/// <param name="Rule">Danish explanation of the due date(s) and, for complaints, of the appeal-deadline check.</param>
/// <param name="Deadlines">All dates that apply, earliest-first as the law lists them.</param>
/// <param name="InTime">Complaints only: received within the 4-week appeal deadline; null when the notification date is unknown.</param>
/// <param name="Certainty">Certain (the rules confirm it) or Possible (check it); a Possible flag has its due dates too.</param>
/// <param name="Reason">For Possible: a short Danish reason for the caseworker ("Beder om at få referatet tilsendt – kan være aktindsigt").</param>
public sealed record ScreeningFlag(
    FlagKind Kind,
    string? SubKind,
    IReadOnlyList<Evidence> Evidence,
    DateOnly? DueDate,
    string Rule,
    IReadOnlyList<DueDate> Deadlines,
    bool? InTime,
    Certainty Certainty = Certainty.Certain,
    string? Reason = null);

/// <summary>Facts about the reply that due dates depend on.</summary>
/// <param name="ReceivedAt">When the reply arrived; converted to the Copenhagen date.</param>
/// <param name="AnsweredDecisionNotifiedAt">When the decision this reply answers was notified (linked dispatch), null if unknown.</param>
/// <param name="AnsweredCategory">Guideline category of the answered letter (e.g. "Decision"), if known.</param>
public sealed record ScreeningContext(
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AnsweredDecisionNotifiedAt = null,
    string? AnsweredCategory = null);

/// <param name="NeedsManualScreening">True when there is no own text to screen (e.g. only attachments).</param>
/// <param name="OwnText">The reply without quoted text of our own letter.</param>
public sealed record ScreeningResult(IReadOnlyList<ScreeningFlag> Flags, bool NeedsManualScreening, string OwnText)
{
    public bool Has(FlagKind kind) => Flags.Any(f => f.Kind == kind);

    public bool HasCertain(FlagKind kind) => Flags.Any(f => f.Kind == kind && f.Certainty == Certainty.Certain);
}
