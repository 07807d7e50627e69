namespace SmartPost.Api.Guidance;

/// <summary>
/// The checks shown to the caseworker at send time. The codes are a stable contract (the task pane and the
/// dispatch audit key on them); the messages are Danish.
/// </summary>
public static class GuidanceChecks
{
    /// <summary>Error: the category needs a klagevejledning (e.g. "Afgørelser (Klagevejledning og procedure)") and none was found.</summary>
    public const string MissingComplaintGuidance = nameof(MissingComplaintGuidance);

    /// <summary>Error: a klagevejledning in a letter whose category forbids one ("Inddrager førerretten (Man kan ikke klage …)").</summary>
    public const string ComplaintGuidanceInWithdrawal = nameof(ComplaintGuidanceInWithdrawal);

    /// <summary>Warning: the caseworker's chosen option differs from the suggestion.</summary>
    public const string ChosenOptionContradictsSuggestion = nameof(ChosenOptionContradictsSuggestion);

    /// <summary>Error: the letter asks for an answer, asks a question or sets a reply deadline, but uden svarmulighed was chosen.</summary>
    public const string QuestionWithoutReplyOption = nameof(QuestionWithoutReplyOption);

    /// <summary>Warning: the recipient is exempt from Digital Post (Info when a special law mandates digital post).</summary>
    public const string RecipientExempt = nameof(RecipientExempt);

    /// <summary>Warning: the register could not say whether the recipient is exempt.</summary>
    public const string RecipientStatusUnknown = nameof(RecipientStatusUnknown);

    internal sealed record Context(
        CompiledRule Winner,
        CompiledRule? Formal,
        IReadOnlyList<Evidence> ComplaintGuidance,
        IReadOnlyList<Evidence> WinnerEvidence,
        ReplyOption ReplyOption,
        RecipientStanding? Recipient,
        ReplyOption? ChosenOption);

    internal static List<GuidanceCheck> Evaluate(Context c)
    {
        var checks = new List<GuidanceCheck>();
        foreach (var rule in new[] { c.Winner, c.Formal }.OfType<CompiledRule>())
        {
            if (rule.ComplaintGuidance == ComplaintGuidanceRule.Required && c.ComplaintGuidance.Count == 0)
            {
                checks.Add(new(MissingComplaintGuidance, CheckSeverity.Error,
                    $"Klagevejledning mangler: {rule.Name} skal have en klagevejledning (retningslinjen: \"{rule.GuidelineLine}\")."));
            }
            if (rule.ComplaintGuidance == ComplaintGuidanceRule.Forbidden && c.ComplaintGuidance.Count > 0)
            {
                checks.Add(new(ComplaintGuidanceInWithdrawal, CheckSeverity.Error,
                    $"{rule.Name} må ikke have en klagevejledning (retningslinjen: \"{rule.GuidelineLine}\"), men brevet "
                    + $"indeholder \"{c.ComplaintGuidance[0].Text}\". Fjern klagevejledningen."));
            }
        }

        if (c.ChosenOption is { } chosen && chosen != c.ReplyOption)
        {
            checks.Add(new(ChosenOptionContradictsSuggestion, CheckSeverity.Warning,
                $"Du har valgt {GuidanceEngine.Danish(chosen)}, men retningslinjen foreslår {GuidanceEngine.Danish(c.ReplyOption)} "
                + $"for {c.Winner.Name}. Angiv en begrundelse, hvis du fastholder dit valg."));
        }
        if (c.ChosenOption == ReplyOption.WithoutReply && c.Winner.Recommendation == ReplyOption.WithReply && c.WinnerEvidence.Count > 0)
        {
            checks.Add(new(QuestionWithoutReplyOption, CheckSeverity.Error,
                $"Brevet beder om svar, stiller et spørgsmål eller sætter en svarfrist (\"{c.WinnerEvidence[0].Text}\"), men der er "
                + "valgt uden svarmulighed: modtageren kan så ikke svare direkte via e-Boks."));
        }

        switch (c.Recipient)
        {
            case { Exempt: true, SpecialLawMandatesDigitalPost: false }:
                checks.Add(new(RecipientExempt, CheckSeverity.Warning,
                    "Modtageren er fritaget for Digital Post: brevet skal sendes som fysisk post. Sendes det digitalt, "
                    + "falder forsendelsen stille igennem til print."));
                break;
            case { Exempt: true }:
                checks.Add(new(RecipientExempt, CheckSeverity.Info,
                    "Modtageren er fritaget for Digital Post, men en særlov kræver digital post: brevet sendes digitalt."));
                break;
            case { Exempt: null }:
                checks.Add(new(RecipientStatusUnknown, CheckSeverity.Warning,
                    "Det kunne ikke afgøres, om modtageren er fritaget for Digital Post. Kontrollér det, før du sender."));
                break;
        }
        return checks;
    }
}
