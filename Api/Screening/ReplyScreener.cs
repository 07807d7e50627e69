using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Text;

namespace SmartPost.Api.Screening;

/// <summary>
/// The stateless reply screening: finds aktindsigt, complaints, extension requests and requests to be exempted from
/// digital self-service in a citizen's reply, each Certain or Possible, with evidence for highlighting and the due
/// dates it starts. One instance for the app; thread-safe.
/// </summary>
/// <remarks>
/// Why: the guideline (seeds/000, "Dette har vist sig at kunne give visse udfordringer … anmoder om aktindsigt.
/// Dette bliver ikke automatisk opdaget ved modtagelsen") and its rule "Sager/dokumenter screenes for frister
/// (fx aktindsigt, klager)". The rules (Rules/screening-concepts.json) compose concepts on the shared text core;
/// the optional learned model can add Possible findings, raise a Possible one to Certain, lower a Certain one it finds
/// very unlikely to Possible, and never remove one (<see cref="SecondOpinion"/>).
/// </remarks>
public sealed class ReplyScreener
{
    private readonly ScreeningRules _rules;
    private readonly DueDateRules _dueDates;
    private readonly IReplyScorer? _classifier;
    private readonly ScreeningOptions _options;

    public ReplyScreener(ScreeningRules rules, DueDateRules dueDates, IReplyScorer? classifier = null, ScreeningOptions? options = null)
    {
        _rules = rules;
        _dueDates = dueDates;
        _classifier = classifier;
        _options = options ?? new ScreeningOptions();
    }

    public ScreeningResult Screen(string? subject, string text, ScreeningContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Nothing of either document outlives the screening (evidence and own text are copies), so their pooled arrays go back.
        using var document = _rules.Concepts.Analyzer.Analyze(text);
        using var subjectDocument = string.IsNullOrWhiteSpace(subject) ? null : _rules.Concepts.Analyzer.Analyze(subject);
        // Our own title ("Sv: Afgørelse om …") never makes a finding, but it tells which letter the text answers.
        var subjectConcepts = subjectDocument is null ? null : _rules.Concepts.Find(subjectDocument).Select(h => h.Concept).ToHashSet();
        var ownSubject = subjectDocument is not null && !IsReplyPrefixed(subject!);
        // A long reply has thousands of candidates and tens of thousands of hits; the lists are the thread's, lent for this screening.
        var inText = ThreadLists<Candidate>.Rent();
        var hits = ThreadLists<ConceptHit>.Rent();
        try
        {
            RuleMatcher.Match(_rules, document, subjectConcepts, inText, hits);
            return Screen(subject, text, context, document, subjectDocument, subjectConcepts, ownSubject, inText);
        }
        finally
        {
            ThreadLists<Candidate>.Return(inText, RuleMatcher.RetainedHits);
            ThreadLists<ConceptHit>.Return(hits, RuleMatcher.RetainedHits);
        }
    }

    /// <summary>The screening once the text's rules are matched: the subject's, the model's second opinion, the flags.</summary>
    private ScreeningResult Screen(string? subject, string text, ScreeningContext context, AnalyzedDocument document,
        AnalyzedDocument? subjectDocument, HashSet<int>? subjectConcepts, bool ownSubject, List<Candidate> inText)
    {
        var inSubject = ownSubject ? RuleMatcher.Match(_rules, subjectDocument!, subjectConcepts) : [];
        var ownText = document.OwnText();

        // The model reads the own text with signatures masked, which is the document's when the analyzer masks them too.
        var maskedOwnText = _rules.Concepts.Analyzer.MasksSignatures ? ownText : null;
        var scores = _classifier is not null && ownText.Length > 0
            ? _classifier.Score(ReplyClassifier.InputTextWithOwnText(subject, text, maskedOwnText), _rules.Concepts.Analyzer) : null;
        var flags = new List<ScreeningFlag>();
        // A long reply has thousands of candidates: sorted by kind in one pass, not filtered once per kind.
        var textByKind = FindingsByKind(inText, out var blockedInText);
        var subjectByKind = FindingsByKind(inSubject, out _);
        foreach (var kind in Kinds)
        {
            var textFindings = textByKind[(int)kind];
            var subjectFindings = subjectByKind[(int)kind];
            var blocked = blockedInText[(int)kind];
            // A subject "Klage" counts with a body that only sends a document, not with one that says "jeg vil ikke klage".
            if (textFindings.Count == 0 && blocked) subjectFindings.Clear();
            // A subject is a title ("Min klage", "Ny tid", "Klage over naboens bil"): it confirms what the text asks for,
            // but on its own it is a topic, and the text may be a status question, thanks or someone else's matter.
            if (textFindings.Count == 0)
            {
                subjectFindings = subjectFindings.Select(c => c.Certainty == Certainty.Certain
                    ? c with { Certainty = Certainty.Possible, Reason = "Emnelinjen nævner {kind}, men teksten beder ikke selv om det – tjek" } : c).ToList();
            }
            // The subject's findings come first; a text-only list (the usual case) is used as it is.
            var findings = subjectFindings.Count == 0 ? textFindings : [.. subjectFindings, .. textFindings];

            float? score = scores is not null && scores.TryGetValue(kind, out var s) ? s : null;
            if (findings.Count > 0) flags.Add(FromRules(kind, findings, subjectDocument, context, score));
            else if (SecondOpinion.Combine(null, score, ModelOnlyThreshold(kind, blocked), _options) is not null)
            {
                flags.Add(_dueDates.Flag(kind, null, [], context, Certainty.Possible,
                    $"Modellen vurderer, at svaret kan indeholde {RequestName(kind)} – tjek"));
            }
        }
        return new ScreeningResult(flags, document.HasNoOwnWords && !ownSubject, ownText);
    }

    /// <summary>
    /// The score the model needs to flag a kind on its own. Where the rules saw the kind's words but a scope blocked
    /// them ("jeg ønsker ikke aktindsigt", a complaint to the police, someone else's request), the text speaks against
    /// the finding, and only a more confident model (<see cref="ScreeningOptions.ModelAfterBlockThreshold"/>) overrules that.
    /// </summary>
    private float ModelOnlyThreshold(FlagKind kind, bool blockedInText) =>
        blockedInText ? Math.Max(AddThreshold(kind), _options.ModelAfterBlockThreshold) : AddThreshold(kind);

    /// <summary>Per kind (indexed by its value), the candidates no scope blocked, in the matcher's order; and whether a scope blocked any.</summary>
    private List<Candidate>[] FindingsByKind(List<Candidate> candidates, out bool[] blocked)
    {
        var kinds = Kinds.Length;
        // Counted first, so each list is allocated once at its size (a long reply's grew through every doubling).
        Span<int> counts = stackalloc int[kinds];
        counts.Clear();
        blocked = new bool[kinds];
        foreach (var candidate in candidates)
        {
            var kind = (int)candidate.Rule.Spec.Kind;
            // A block by a neutral scope (the writer sends a document) does not speak against the kind.
            if (candidate.Blocked && !IsNeutral(candidate.Scope)) blocked[kind] = true;
            else counts[kind]++;
        }
        var findings = new List<Candidate>[kinds];
        for (var k = 0; k < kinds; k++) findings[k] = new List<Candidate>(counts[k]);
        foreach (var candidate in candidates)
        {
            if (!candidate.Blocked) findings[(int)candidate.Rule.Spec.Kind].Add(candidate);
        }
        return findings;
    }

    private bool IsNeutral(string? scope) => scope is not null && _rules.Scopes.TryGetValue(scope, out var s) && s.Spec.Neutral;

    // Enum.GetValues makes a new array on every call.
    private static readonly FlagKind[] Kinds = Enum.GetValues<FlagKind>();

    private float AddThreshold(FlagKind kind) =>
        _classifier is not null && _classifier.Thresholds.TryGetValue(kind, out var t) ? t : _options.ModelThreshold;

    private ScreeningFlag FromRules(FlagKind kind, List<Candidate> findings, AnalyzedDocument? subject, ScreeningContext context, float? score)
    {
        var best = findings.FirstOrDefault(c => c.Certainty == Certainty.Certain) ?? findings[0];
        var reason = best.Reason?.Replace("{kind}", DanishName(kind), StringComparison.Ordinal)
                .Replace("{request}", RequestName(kind), StringComparison.Ordinal)
            ?? $"Kan være {DanishName(kind)} – tjek";
        var certainty = SecondOpinion.Combine(best.Certainty, score, AddThreshold(kind), _options)!.Value;
        if (best.Certainty == Certainty.Certain && certainty == Certainty.Possible)
            reason = $"Svaret ser ud til at indeholde {RequestName(kind)}, men ordlyden er usædvanlig – tjek";

        // The set is sized to the hits once: a long reply has thousands, and a growing set copied them at every doubling.
        var pieces = 0;
        foreach (var finding in findings)
        {
            if (finding.Certainty == best.Certainty) pieces += finding.Hits.Length;
        }
        var evidence = new List<Evidence>();
        // Field and offsets identify a piece of evidence (its text follows from them): the text is cut only once per piece.
        var seen = new HashSet<(bool InSubject, int Start, int End)>(pieces);
        foreach (var finding in findings)
        {
            if (finding.Certainty != best.Certainty) continue;
            var document = finding.Document;
            var inSubject = ReferenceEquals(document, subject);
            foreach (var hit in finding.Hits)
            {
                var tokens = document.Tokens;
                var (start, end) = (tokens[hit.First].Start, tokens[hit.Last].End);
                if (seen.Add((inSubject, start, end))) evidence.Add(new Evidence(document.Text[start..end], start, end - start, inSubject ? "subject" : "text"));
            }
        }
        evidence.Sort((a, b) => a.Field != b.Field ? (a.Field == "subject" ? -1 : 1) : a.Start.CompareTo(b.Start));
        var subKind = kind == FlagKind.AccessToRecordsRequest
            ? findings.Any(f => f.Rule.Spec.SubKind == AccessSubKind.GdprArticle15) && !findings.Any(f => f.Rule.Spec.Id == "access-word" && !f.Blocked)
                ? AccessSubKind.GdprArticle15 : AccessSubKind.Offentlighedsloven
            : null;
        return _dueDates.Flag(kind, subKind, evidence, context, certainty, reason);
    }

    /// <summary>"Sv: Afgørelse – klagevejledning" repeats our letter's title; only a subject the citizen wrote counts.</summary>
    private bool IsReplyPrefixed(string subject)
    {
        var trimmed = subject.AsSpan().TrimStart();
        foreach (var prefix in _rules.File.ReplyPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The kind as a caseworker says it: "aktindsigt", "klage", "fristforlængelse", "fritagelse for selvbetjening".</summary>
    public static string DanishName(FlagKind kind) => kind switch
    {
        FlagKind.AccessToRecordsRequest => "aktindsigt",
        FlagKind.Complaint => "klage",
        FlagKind.DeadlineExtensionRequest => "fristforlængelse",
        _ => "fritagelse for selvbetjening",
    };

    private static string RequestName(FlagKind kind) => kind == FlagKind.Complaint ? "en klage" : "en anmodning om " + DanishName(kind);
}
