using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>One rule of the rules file, checked and ready to use.</summary>
internal sealed record CompiledRule(
    int Index,
    string Id,
    GuidanceCategory Category,
    string Name,
    ReplyOption Recommendation,
    int Priority,
    string GuidelineLine,
    ComplaintGuidanceRule ComplaintGuidance,
    bool Formal,
    bool WhenCaseClosed,
    bool Fallback,
    bool Negatable,
    IReadOnlySet<string> DocumentTypes,
    bool HasRequirement = false,
    bool AppendedSection = false);

/// <summary>What a cue of the rules file is for.</summary>
internal enum CueRole { Cue, Requirement, Veto, TitleSilentVeto, IgnoreSentence, IgnoreClause, ComplaintGuidance, ComplaintGuidanceIgnore, ComplaintRight, ComplaintToWhomOrByWhen, SelfService, SelfServiceIgnore, Negation, Condition }

/// <summary>
/// One cue: which rule it belongs to (-1 for the klagevejledning, self-service and scope words), what it does there,
/// whether it is read in the title or the text, where in its sentence it must stand, and whether the letter performs the
/// rule's act with it.
/// </summary>
internal readonly record struct CueEntry(CueRole Role, int Rule, bool InTitle, SentenceAnchors Anchors, bool Operative = false);

/// <summary>
/// The rules file compiled once at start-up (a singleton): every cue of every rule is a concept of one
/// <see cref="ConceptSet"/> of the text core, so a letter is analysed once and every cue found in one pass.
/// </summary>
internal sealed record CompiledGuideline(
    string SourcePath,
    IReadOnlyList<CompiledRule> Rules,
    ConceptSet Concepts,
    CueEntry[] Cues,
    string ComplaintGuidanceId,
    string SelfServiceId,
    int NegationWindow)
{
    public CompiledRule Fallback => Rules.Single(r => r.Fallback);

    /// <summary>Document types compare folded, with single spaces ("Udgående brev" = "udgaaende  brev").</summary>
    public static string NormalizeDocumentType(string documentType) =>
        string.Join(' ', DanishText.Tokenize(documentType).Select(t => t.Folded));
}
