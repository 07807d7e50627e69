namespace SmartPost.Api.Screening;

/// <summary>
/// How the learned model's score combines with the rules: it can add a Possible finding the rules did not make, raise
/// the rules' partial evidence (Possible) to Certain, and lower a Certain finding it finds very unlikely to Possible,
/// so the caseworker checks it. It never removes a rule's finding: a lowered one keeps its flag and due date.
/// </summary>
public static class SecondOpinion
{
    /// <param name="fromRules">The rules' certainty for the kind, or null when they found nothing.</param>
    /// <param name="score">The model's probability for the kind, or null without a model.</param>
    /// <param name="addThreshold">The score that adds a Possible flag: the model's own cross-validated threshold for the
    /// kind when it has one (the best recall at ≤ 1 % false positives on writers the model did not see), else
    /// Screening:ModelThreshold.</param>
    /// <returns>The certainty of the flag, or null for no flag.</returns>
    public static Certainty? Combine(Certainty? fromRules, float? score, float addThreshold, ScreeningOptions options) => fromRules switch
    {
        Certainty.Certain => score < options.ModelLowerThreshold ? Certainty.Possible : Certainty.Certain,
        Certainty.Possible => score >= options.ModelRaiseThreshold ? Certainty.Certain : Certainty.Possible,
        _ => score >= addThreshold ? Certainty.Possible : null,
    };
}
