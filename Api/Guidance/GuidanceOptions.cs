using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Guidance;

/// <summary>Configuration section "Guidance".</summary>
public sealed class GuidanceOptions
{
    public const string Section = "Guidance";

    /// <summary>The rules file; relative paths are resolved against the application folder.</summary>
    [Required]
    public string RulesPath { get; set; } = "Rules/guideline-rules.json";

    /// <summary>
    /// The SmartPost material to pick per recommendation. In WorkZone the reply option is a property of the
    /// material ("Permit users to reply"), so these names are the customer's configuration.
    /// </summary>
    [Required]
    public MaterialNames Materials { get; set; } = new();

    /// <summary>The team klagevejledning texts the pane inserts with one click.</summary>
    [Required]
    public string ComplaintGuidanceTemplatesPath { get; set; } = "Rules/complaint-guidance-templates.json";

    /// <summary>
    /// The learned category model (tools/TrainLetterModel) with its sealed manifest beside it; empty for the rules alone.
    /// The engine is built while the host starts: the manifest is verified then, and the model is loaded and consulted as
    /// the manifest says: it replaces unsure rules' category only if leave-one-writer-out adopted it (more categories
    /// right on new writers' first runs, none lost on known writers, no recommendation or check worse), and it marks a
    /// clear rules' answer unsure (the CategoryUncertain check) where it is sure of another kind, if the training tool
    /// chose a threshold for that. The committed model only doubts (docs/guidance.md, "letter model").
    /// </summary>
    public string LetterModelPath { get; set; } = "Rules/letter-model.zip";

    public string? ResolvedLetterModelPath() => string.IsNullOrWhiteSpace(LetterModelPath) ? null : Resolve(LetterModelPath);

    public string ResolvedRulesPath() => Resolve(RulesPath);

    public string ResolvedTemplatesPath() => Resolve(ComplaintGuidanceTemplatesPath);

    private static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}

/// <summary>Configuration section "Guidance:Materials".</summary>
public sealed class MaterialNames
{
    [Required(AllowEmptyStrings = false)]
    public string WithReply { get; set; } = "Brev med svarmulighed";

    [Required(AllowEmptyStrings = false)]
    public string WithoutReply { get; set; } = "Brev uden svarmulighed";

    [Required(AllowEmptyStrings = false)]
    public string PhysicalMail { get; set; } = "Fysisk post";

    public string For(ReplyOption option) => option switch
    {
        ReplyOption.WithReply => WithReply,
        ReplyOption.WithoutReply => WithoutReply,
        _ => PhysicalMail,
    };
}
