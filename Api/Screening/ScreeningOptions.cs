using System.ComponentModel.DataAnnotations;

namespace SmartPost.Api.Screening;

/// <summary>Configuration section "Screening".</summary>
public sealed class ScreeningOptions
{
    public const string Section = "Screening";

    /// <summary>Path of the screening rules (concepts and rules), relative to the app's base directory unless absolute.</summary>
    [Required]
    public string RulesPath { get; set; } = "Rules/screening-concepts.json";

    /// <summary>The learned model's score from which it adds a Possible finding the rules did not make.</summary>
    [Range(0.0, 1.0)]
    public float ModelThreshold { get; set; } = 0.5f;

    /// <summary>The learned model's score from which it raises a Possible finding of the rules (partial evidence) to Certain.</summary>
    [Range(0.0, 1.0)]
    public float ModelRaiseThreshold { get; set; } = 0.9f;

    /// <summary>
    /// The learned model's score from which it adds a Possible finding on its own for a kind whose words a scope blocked
    /// somewhere in the reply ("jeg ønsker ikke aktindsigt", a complaint to the police): the text speaks against the
    /// kind there, so the model needs more confidence than usual. Never below the kind's usual add threshold.
    /// </summary>
    [Range(0.0, 1.0)]
    public float ModelAfterBlockThreshold { get; set; } = 0.7f;

    /// <summary>
    /// The learned model's score below which a Certain finding of the rules becomes Possible ("tjek"): the rules are
    /// sure, the model finds the kind very unlikely, so a person decides. 0 switches it off. The default was chosen
    /// on the corpus's out-of-fold scores and a new writer's first run (docs/history/screening-rounds.md, "The model may doubt").
    /// </summary>
    [Range(0.0, 1.0)]
    public float ModelLowerThreshold { get; set; } = 0.05f;

    /// <summary>Internal deadline (working days) to re-assess a complaint and forward it to the appeal body.</summary>
    [Range(1, 60)]
    public int ComplaintForwardWorkingDays { get; set; } = 7;

    /// <summary>Working days to answer a request for a deadline extension.</summary>
    [Range(1, 60)]
    public int ExtensionAnswerWorkingDays { get; set; } = 5;

    /// <summary>Appeal deadline in weeks from notification of the decision (4 weeks for driving-licence decisions).</summary>
    [Range(1, 52)]
    public int AppealDeadlineWeeks { get; set; } = 4;

    /// <summary>The body a complaint is forwarded to if the decision is upheld.</summary>
    [Required]
    public string AppealBody { get; set; } = "Trafikstyrelsen";
}
