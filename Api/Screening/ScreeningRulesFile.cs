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
    public Dictionary<FlagKind, KindSpec> Kinds { get; set; } = [];

    /// <summary>Every rule with its kind, and the kind's blocking and downgrading scopes added to its own.</summary>
    [JsonIgnore]
    public IEnumerable<RuleSpec> Rules => Kinds.SelectMany(k => k.Value.Rules.Select(r => r with
    {
        Kind = k.Key,
        Block = [.. k.Value.Block ?? [], .. r.Block ?? []],
        Downgrade = [.. k.Value.Downgrade ?? [], .. r.Downgrade ?? []],
    }));
}

/// <summary>The rules of one kind, and the scopes that block or downgrade every one of them.</summary>
public sealed record KindSpec(List<RuleSpec> Rules, List<string>? Block = null, List<string>? Downgrade = null);

/// <summary>A scope filter: a concept placed relative to a rule's first concept.</summary>
/// <param name="Where">inClause, beforeInClause, beforeOrAtInClause (starting before the anchor ends: "har klaget"), afterInClause, inSentence, beforeInSentence, afterInSentence, or inText
/// (anywhere in the writer's own words: a waiver such as "det er ikke en klage" speaks for the whole reply).</param>
/// <param name="Window">For before/after: at most this many words away (0 = the whole clause).</param>
/// <param name="Unless">Hits of the scope concept inside a hit of these concepts do not count ("ikke" in "ikke tilfreds").</param>
/// <param name="UnlessInText">The scope does not apply at all when the writer's own words hold one of these concepts anywhere: a
/// relative who writes "på vegne af min far" reports the citizen's own requests in the third person.</param>
/// <param name="Reason">Danish reason when the scope downgrades a finding; "{kind}" is replaced by the kind's name, "{request}" by the request ("en klage", "en anmodning om fristforlængelse").</param>
/// <param name="Neutral">A finding this scope blocks means the writer is doing something else ("Se vedhæftede brev"), not
/// speaking against the kind: it neither cancels the kind in a subject the citizen wrote ("Klage og aktindsigt") nor
/// raises the bar for the model's own flag, as a waiver or a negation does.</param>
public sealed record ScopeSpec(string Concept, string Where, int Window = 0, bool NotInQuestion = false, bool OnlyInQuestion = false,
    List<string>? Unless = null, string? Reason = null, List<string>? UnlessInText = null, bool Neutral = false);

/// <summary>A rule: concepts that must meet within one clause or sentence ("a|b" = either), and scopes that block or downgrade it.</summary>
/// <param name="Question">The sentence must be a question.</param>
/// <param name="SubjectConcept">The subject (also "Sv: …", our title) must contain this concept: a reply to "Afgørelse om …" answers a decision.</param>
/// <param name="UnlessSubject">The rule does not apply when the subject (also "Sv: …") contains this concept: disagreeing in
/// a reply to "Partshøring" is a remark before any decision, not a complaint.</param>
/// <param name="Within">"clause", "sentence" (the default) or "adjacent" (the sentence and the one before it).</param>
public sealed record RuleSpec(string Id, Certainty Certainty, List<string> All, string? Within = null,
    List<string>? Block = null, List<string>? Downgrade = null, string? Reason = null, string? SubKind = null, bool Question = false,
    string? SubjectConcept = null, string? UnlessSubject = null)
{
    [JsonIgnore] public FlagKind Kind { get; init; }

    [JsonIgnore] public bool WithinSentence => Within != "clause";
}
