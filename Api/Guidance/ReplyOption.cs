namespace SmartPost.Api.Guidance;

/// <summary>How a letter is dispatched: the outcome of the guideline ("med/uden svarmulighed") or physical mail.</summary>
public enum ReplyOption
{
    /// <summary>"Med svarmulighed": the recipient can press "Besvar" and the reply lands on the case.</summary>
    WithReply,

    /// <summary>"Uden svarmulighed".</summary>
    WithoutReply,

    /// <summary>Physical mail: the recipient is exempt from Digital Post.</summary>
    PhysicalMail,
}
