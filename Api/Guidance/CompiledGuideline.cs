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
    IReadOnlySet<string> DocumentTypes);

/// <summary>What a phrase in a matcher is for.</summary>
internal enum PhraseRole { Cue, Veto, IgnoreSentence, ComplaintGuidance, ComplaintGuidanceIgnore, SelfService, SelfServiceIgnore }

/// <summary>Which rule a phrase belongs to and what it does there (<see cref="Rule"/> is -1 for the klagevejledning).</summary>
internal readonly record struct PhraseEntry(PhraseRole Role, int Rule);

/// <summary>A field's phrases in one matcher, with the meaning of each phrase.</summary>
internal sealed record FieldMatcher(PhraseMatcher Matcher, PhraseEntry[] Entries);

/// <summary>
/// The rules file compiled once at start-up (a singleton): the lexicon of every word the rules mention, one matcher
/// for titles and one for letter bodies holding every phrase of every rule, plus the negation words.
/// </summary>
internal sealed record CompiledGuideline(
    string SourcePath,
    IReadOnlyList<CompiledRule> Rules,
    WordLexicon Lexicon,
    FieldMatcher Title,
    FieldMatcher Text,
    string ComplaintGuidanceId,
    string SelfServiceId,
    WordSet NegationWords,
    WordSet ConditionalWords,
    int NegationWindow)
{
    public CompiledRule Fallback => Rules.Single(r => r.Fallback);

    /// <summary>Document types compare folded, with single spaces ("Udgående brev" = "udgaaende  brev").</summary>
    public static string NormalizeDocumentType(string documentType) =>
        string.Join(' ', global::SmartPost.Api.Text.DanishText.Tokenize(documentType).Select(t => t.Folded));
}
