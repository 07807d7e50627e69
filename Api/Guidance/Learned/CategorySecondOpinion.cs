namespace SmartPost.Api.Guidance.Learned;

/// <summary>
/// When the learned model may overrule the rules' category. The rules decide; the model replaces their category only
/// when it is confident enough for how sure the rules are: a letter whose words match one kind only ("clear") needs
/// <see cref="ThresholdWhenRulesClear"/>, one where several kinds match or none does by its words ("unsure": the
/// category came from competing cues, the document type, the caseClosed flag or the fallback) needs
/// <see cref="ThresholdWhenRulesUnsure"/>. With <see cref="CandidatesOnly"/> the model may only pick a kind the rules saw
/// some evidence for; with <see cref="SameReplyOption"/> only a kind sent with the same reply option as the rules' (the
/// model then refines the kind — and with it the klagevejledning it needs — but never turns med into uden svarmulighed
/// or back).
/// It speaks only with enough evidence: at least <see cref="MinimumContentWords"/> content words in the letter's own text
/// (<see cref="LetterFeatures.IsContentWord"/>; on a short letter a few words decide its probability, and a confident
/// model on three sentences is still guessing) and a lead of at least <see cref="MinimumMargin"/> over its second kind.
/// Every threshold comes from leave-one-writer-out evaluation (tools/TrainLetterModel), never by hand. A probability
/// threshold above 1 means never.
/// Where the model may not overrule but is sure of another kind — the rules are clear and the model reaches
/// <see cref="ThresholdToDoubtClearRules"/> — it does not pick either: the engine keeps the rules' answer, says it is
/// unsure and lets the caseworker choose (<see cref="Read"/>).
/// </summary>
public sealed record CategorySecondOpinion(LetterCategoryModel Model, double ThresholdWhenRulesClear, double ThresholdWhenRulesUnsure, bool CandidatesOnly,
    bool SameReplyOption = false, int MinimumContentWords = 0, double MinimumMargin = 0, double ThresholdToDoubtClearRules = 2)
{
    /// <summary>
    /// What the model says about a letter, scored once: the category it puts in place of the rules' (Overrule), or the
    /// kind it is sure of against rules that are clear about another (Doubt: the engine then says it is unsure instead of
    /// choosing silently), or neither. Scoring reads one row of a large weight table per feature, which costs more than
    /// the rest of the model's work, so a letter is scored once for both questions.
    /// </summary>
    public (GuidanceCategory? Overrule, GuidanceCategory? Doubt) Read(ReadOnlySpan<int> features, int contentWords,
        GuidanceCategory rules, bool rulesClear, Func<GuidanceCategory, bool> rulesSawEvidenceFor)
    {
        if (contentWords < MinimumContentWords) return (null, null);
        var (best, probability, margin) = Model.Best(features);
        if (best == rules || margin < MinimumMargin) return (null, null);
        if (probability >= (rulesClear ? ThresholdWhenRulesClear : ThresholdWhenRulesUnsure)
            && (!CandidatesOnly || rulesSawEvidenceFor(best)))
            return (best, null);
        return rulesClear && probability >= ThresholdToDoubtClearRules ? (null, best) : (null, null);
    }
}
