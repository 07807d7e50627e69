namespace SmartPost.Api.Guidance.Learned;

public static class LetterModelSetup
{
    /// <summary>
    /// The learned second opinion for the engine, or null for the rules alone: no path configured, or a manifest that
    /// says leave-one-writer-out did not adopt the model. A model and manifest that do not belong together stop the
    /// start-up (the engine is built while the host starts) with a message saying which.
    /// </summary>
    public static CategorySecondOpinion? SecondOpinion(string? modelPath)
    {
        if (modelPath is null) return null;
        var manifest = LetterModelManifest.ReadVerified(modelPath);
        return manifest.Adopted ? manifest.SecondOpinion(LetterCategoryModel.Load(modelPath)) : null;
    }
}
