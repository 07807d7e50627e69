namespace SmartPost.Api.Screening;

/// <summary>
/// The editable screening lexicon as stored in Api/Rules/screening-lexicon.json. Phrase syntax: words separated by
/// spaces; "a|b" alternatives; "word*" any ending; "*word*" inside a compound; "_" any one word; "..N" up to N other words
/// (plain ".." = the group's maxGap). Words are written as Danish text and folded (æ→ae, ø→oe, å→aa) on load.
/// </summary>
public sealed class LexiconFile
{
    public int Version { get; set; }

    /// <summary>Words shorter than this are always matched exactly, whatever a group's fuzzy tolerance.</summary>
    public int FuzzyMinLength { get; set; } = 7;

    /// <summary>Words that start a new clause ("men"): negation does not reach across them.</summary>
    public List<string> ClauseBreaks { get; set; } = [];

    /// <summary>Subject prefixes that mark the subject as an echo of our own letter's title ("Sv:", "Re:").</summary>
    public List<string> EchoSubjectPrefixes { get; set; } = [];

    public CueSet Negation { get; set; } = new();
    public CueSet Conditional { get; set; } = new();

    /// <summary>A condition right after the term ("jeg klager, hvis I ikke …"): still hypothetical.</summary>
    public CueSet ConditionalAfter { get; set; } = new();

    /// <summary>A condition in the term's own clause ("hvis jeg beder om aktindsigt, koster det så noget?").</summary>
    public CueSet ConditionalInClause { get; set; } = new();
    public CueSet DefinitionQuestion { get; set; } = new();
    public CueSet StatusInquiry { get; set; } = new();
    public CueSet Boilerplate { get; set; } = new();
    public List<ExclusionRule> Exclusions { get; set; } = [];
    public QuoteRules Quotes { get; set; } = new();
    public List<TermGroup> Terms { get; set; } = [];
}

/// <summary>Context cues. Windows count the words between the cue and the term.</summary>
public sealed class CueSet
{
    public List<string> Cues { get; set; } = [];
    public int WindowBefore { get; set; }
    public int WindowAfter { get; set; }

    /// <summary>Flag kinds the cue applies to; empty = all.</summary>
    public List<FlagKind> Kinds { get; set; } = [];

    /// <summary>Negation only: a cue followed by one of these words is not a negation ("ikke kun").</summary>
    public List<string> NotFollowedBy { get; set; } = [];

    /// <summary>
    /// Negation only: the words that may stand between the cue and the term ("ikke [at] klage", "ikke [tænkt mig at]
    /// klage"). Any other word in between means the negation is about something else ("ikke fået aktindsigt").
    /// </summary>
    public List<string> Bridges { get; set; } = [];

    /// <summary>
    /// Negation only: kinds whose phrase is also negated by a cue inside it ("ønsker [ikke at se] dokumenterne").
    /// Complaint phrases contain negations on purpose ("accepterer ikke"), so the list names kinds explicitly.
    /// </summary>
    public List<FlagKind> InsideTermKinds { get; set; } = [];
}

/// <summary>A context that means the term is about something else (a complaint to Forbrugerklagenævnet, erasure).</summary>
public sealed class ExclusionRule
{
    public string Name { get; set; } = "";
    public List<string> Cues { get; set; } = [];
    public List<FlagKind> Kinds { get; set; } = [];

    /// <summary>Words before the term the cue must stand within; null (and no WindowAfter) = anywhere in the sentence.</summary>
    public int? WindowBefore { get; set; }

    /// <summary>Words after the term the cue must stand within ("Aktindsigt modtaget"); null = not after.</summary>
    public int? WindowAfter { get; set; }
}

/// <summary>How quoted text of our own letter is recognised.</summary>
public sealed class QuoteRules
{
    /// <summary>A line starting with one of these (after spaces) is quoted (">").</summary>
    public List<string> LinePrefixes { get; set; } = [];

    /// <summary>A short line containing one of these starts the quoted original ("oprindelig meddelelse").</summary>
    public List<string> SeparatorContains { get; set; } = [];

    /// <summary>"Den 2. maj 2025 skrev Færdselsstyrelsen:" — starts with one, contains one, ends with ':'.</summary>
    public List<string> AttributionStartsWith { get; set; } = [];
    public List<string> AttributionContains { get; set; } = [];

    /// <summary>"Fra: …" followed within a few lines by "Sendt: …" starts a quoted header block.</summary>
    public List<string> HeaderFirst { get; set; } = [];
    public List<string> HeaderThen { get; set; } = [];
    public int HeaderWithinLines { get; set; } = 3;
}

/// <summary>Phrases that raise one flag kind.</summary>
public sealed class TermGroup
{
    public string Name { get; set; } = "";
    public FlagKind? Kind { get; set; }
    public string? SubKind { get; set; }

    /// <summary>Access sub-kind wins over the others (explicit "artikel 15").</summary>
    public bool Decisive { get; set; }

    /// <summary>Refers to an earlier request ("klagede", "min klage"): dropped when the reply is a status inquiry.</summary>
    public bool Reference { get; set; }

    /// <summary>Edits allowed in words of at least FuzzyMinLength letters.</summary>
    public int Fuzzy { get; set; }

    public int MaxGap { get; set; } = 3;
    public List<string> Phrases { get; set; } = [];

    /// <summary>Cues that cancel this group's phrases when they stand just before them ("tak for" fristforlængelsen).</summary>
    public List<string> NotAfter { get; set; } = [];
    public int NotAfterWindow { get; set; } = 3;

    /// <summary>Cues that cancel this group's phrases anywhere in the same clause ("vedhæftet" kopi af …).</summary>
    public List<string> NotWith { get; set; } = [];

    /// <summary>
    /// When not empty, a phrase of this group only counts with one of these anchors in the same sentence or within
    /// <see cref="NearSentences"/> sentences: "det er for dumt" is a complaint only near "prøven", "afgørelsen", ….
    /// </summary>
    public List<string> Near { get; set; } = [];
    public int NearSentences { get; set; } = 1;

    /// <summary>An anchor in the subject, usually our echoed letter title ("Sv: Afgørelse om inddragelse"), counts for the whole reply.</summary>
    public bool NearInSubject { get; set; }
}
