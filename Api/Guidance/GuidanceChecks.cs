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

    /// <summary>
    /// Warning: the recipient is exempt from Digital Post and the letter directs them to a digital self-service solution
    /// (Lov om Digital Post §§ 3 og 5: the exemption from Digital Post is not an exemption from self-service).
    /// </summary>
    public const string SelfServiceForExemptRecipient = nameof(SelfServiceForExemptRecipient);

    /// <summary>
    /// Warning: the rules and the learned letter model confidently disagree on what the letter is; the suggestion is the
    /// rules', but the caseworker chooses (the message names both kinds and their reply options).
    /// </summary>
    public const string CategoryUncertain = nameof(CategoryUncertain);

    /// <summary>Warning: the register could not say whether the recipient is exempt.</summary>
    public const string RecipientStatusUnknown = nameof(RecipientStatusUnknown);

    internal sealed record Context(
        CompiledRule Winner,
        CompiledRule? Formal,
        IReadOnlyList<Evidence> ComplaintGuidance,
        IReadOnlyList<Evidence> SelfService,
        IReadOnlyList<Evidence> WinnerEvidence,
        bool FormalFoundInText,
        ReplyOption ReplyOption,
        RecipientStanding? Recipient,
        ReplyOption? ChosenOption,
        CompiledRule? Doubted = null,
        CompiledRule? RulesKindBeforeModel = null);

    internal static List<GuidanceCheck> Evaluate(Context c)
    {
        var checks = new List<GuidanceCheck>();
        // A formal category seen only in the title or document type beside an expected answer ("Påtænkt afgørelse"
        // typed Afgørelse, a request titled "Godkendelse af køreskole") is not what the letter is: the text decides.
        var formal = c.FormalFoundInText ? c.Formal : null;
        // The rules' own kind, where the learned model replaced it, still decides the klagevejledning checks, unless the model's kind raised one already.
        foreach (var rule in new[] { c.Winner, formal, c.RulesKindBeforeModel }.OfType<CompiledRule>())
        {
            if (rule == c.RulesKindBeforeModel && checks.Count > 0) continue;
            if (rule.ComplaintGuidance == ComplaintGuidanceRule.Required && c.ComplaintGuidance.Count == 0)
            {
                checks.Add(new(MissingComplaintGuidance, CheckSeverity.Error,
                    $"Klagevejledning mangler: {rule.Name} skal have en klagevejledning (retningslinjen: \"{rule.GuidelineLine}\"). "
                    + "Uden klagevejledning begynder klagefristen ikke at løbe.", [], rule.Category));
            }
            if (rule.ComplaintGuidance == ComplaintGuidanceRule.Forbidden && c.ComplaintGuidance.Count > 0)
            {
                checks.Add(new(ComplaintGuidanceInWithdrawal, CheckSeverity.Error,
                    $"{rule.Name} må ikke have en klagevejledning (retningslinjen: \"{rule.GuidelineLine}\"), men brevet "
                    + $"indeholder \"{c.ComplaintGuidance[0].Text}\". Fjern klagevejledningen.", c.ComplaintGuidance, rule.Category));
            }
        }

        if (c.Doubted is { } doubted)
        {
            var sameOption = doubted.Recommendation == c.Winner.Recommendation;
            checks.Add(new(CategoryUncertain, CheckSeverity.Warning,
                $"SmartPost er usikker på, hvilken slags brev det er: \"{c.Winner.Name}\" ({GuidanceEngine.Danish(c.Winner.Recommendation)}) "
                + $"eller \"{doubted.Name}\" ({GuidanceEngine.Danish(doubted.Recommendation)}). Vælg selv ud fra brevets indhold"
                + (sameOption ? "; svarmuligheden er den samme." : ": svarmuligheden afhænger af det.")
                + (doubted.ComplaintGuidance == c.Winner.ComplaintGuidance ? "" : " Kontrollér også klagevejledningen: den afhænger af, hvad brevet er."),
                [], doubted.Category));
        }
        // Between two kinds SmartPost is unsure of, either kind's reply option is the caseworker's to choose; and when all
        // the letter asks for comes back through a self-service solution, uden svarmulighed does not contradict it.
        var answeredOnlyThroughSelfService = c.Winner.Recommendation == ReplyOption.WithReply && c.WinnerEvidence.Count == 0;
        if (c.ChosenOption is { } chosen && chosen != c.ReplyOption && chosen != c.Doubted?.Recommendation
            && !(answeredOnlyThroughSelfService && chosen == ReplyOption.WithoutReply))
        {
            checks.Add(new(ChosenOptionContradictsSuggestion, CheckSeverity.Warning,
                $"Du har valgt {GuidanceEngine.Danish(chosen)}, men retningslinjen foreslår {GuidanceEngine.Danish(c.ReplyOption)} "
                + $"for {c.Winner.Name}. Angiv en begrundelse, hvis du fastholder dit valg."));
        }
        if (c.ChosenOption == ReplyOption.WithoutReply && c.Winner.Recommendation == ReplyOption.WithReply && c.WinnerEvidence.Count > 0)
        {
            checks.Add(new(QuestionWithoutReplyOption, CheckSeverity.Error,
                $"Brevet beder om svar, stiller et spørgsmål eller sætter en svarfrist (\"{c.WinnerEvidence[0].Text}\"), men der er "
                + "valgt uden svarmulighed: modtageren kan så ikke svare direkte via e-Boks. Vælg med svarmulighed.",
                c.WinnerEvidence.Where(e => e.Field == GuidelineScan.TextField).ToList()));
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
        if (c.Recipient is { Exempt: true } && c.SelfService.Count > 0)
        {
            checks.Add(new(SelfServiceForExemptRecipient, CheckSeverity.Warning,
                $"Modtageren er fritaget for Digital Post, men brevet henviser til digital selvbetjening (\"{c.SelfService[0].Text}\"). "
                + "Fritagelsen for Digital Post fritager ikke i sig selv for obligatorisk digital selvbetjening. Fritagelse for "
                + "selvbetjening kræver en konkret vurdering, når borgeren beder om det, og der er ingen formkrav til anmodningen. "
                + "Skriv i brevet, hvordan modtageren kan bede om at blive fritaget, eller tilbyd en anden måde (f.eks. papir, "
                + "telefon eller personligt fremmøde) (Lov om Digital Post §§ 3 og 5).", c.SelfService));
        }
        return checks;
    }
}
