using Newtonsoft.Json;

namespace SmartPost.Api.Screening;

/// <summary>The JSON shape of Rules/screening-concepts.json (see docs/screening.md).</summary>
public sealed class ScreeningRulesFile
{
    public int Version { get; set; }
    public List<string> ReplyPrefixes { get; set; } = [];
    public List<string> ClauseWords { get; set; } = [];
    public Dictionary<string, List<string>> Concepts { get; set; } = [];
    public Dictionary<string, ScopeSpec> Scopes { get; set; } = [];
    public List<RuleSpec> Rules { get; set; } = [];
}

/// <summary>A scope filter: a concept placed relative to a rule's first concept.</summary>
/// <param name="Where">inClause, beforeInClause, afterInClause, inSentence, beforeInSentence or afterInSentence.</param>
/// <param name="Window">For before/after: at most this many words away (0 = the whole clause).</param>
/// <param name="Unless">Hits of the scope concept inside a hit of these concepts do not count ("ikke" in "ikke tilfreds").</param>
/// <param name="Reason">Danish reason when the scope downgrades a finding; "{kind}" is replaced by the kind's name.</param>
public sealed record ScopeSpec(string Concept, string Where, int Window = 0, bool NotInQuestion = false, bool OnlyInQuestion = false,
    List<string>? Unless = null, string? Reason = null);

/// <summary>A rule: concepts that must meet within one clause or sentence ("a|b" = either), and scopes that block or downgrade it.</summary>
/// <param name="Question">The sentence must be a question.</param>
/// <param name="SubjectConcept">The subject (also "Sv: …", our title) must contain this concept: a reply to "Afgørelse om …" answers a decision.</param>
public sealed record RuleSpec(string Id, FlagKind Kind, Certainty Certainty, List<string> All, string Within,
    List<string>? Block = null, List<string>? Downgrade = null, string? Reason = null, string? SubKind = null, bool Question = false,
    string? SubjectConcept = null)
{
    [JsonIgnore] public bool WithinSentence => Within == "sentence";
}
