namespace SmartPost.Api.Guidance.Learned;

public static class LetterModelSetup
{
    /// <summary>
    /// The learned second opinion for the engine, or null for the rules alone: no path configured, or a manifest that
    /// adopted neither use of the model. The two uses are decided apart by tools/TrainLetterModel: replacing the
    /// category of unsure rules (<c>adopted</c>: leave-one-writer-out showed a gain and no loss) and doubting clear
    /// rules (<c>thresholdToDoubtClearRules</c> at most 1: the rules were wrong on most first-run letters it doubted).
    /// A model that only doubts never changes an answer; it marks it unsure. A model and manifest that do not belong
    /// together stop the start-up (the engine is built while the host starts) with a message saying which.
    /// </summary>
    public static CategorySecondOpinion? SecondOpinion(string? modelPath)
    {
        if (modelPath is null) return null;
        var manifest = LetterModelManifest.ReadVerified(modelPath);
        if (!manifest.Adopted && manifest.ThresholdToDoubtClearRules > 1) return null;
        var opinion = manifest.SecondOpinion(LetterCategoryModel.Load(modelPath));
        return manifest.Adopted ? opinion : opinion with { ThresholdWhenRulesClear = 2, ThresholdWhenRulesUnsure = 2 };
    }
}
