namespace SmartPost.Api.Screening;

/// <summary>
/// The stateless reply screening (issue 3): finds aktindsigt, complaints and extension requests in a citizen's
/// reply, with evidence for highlighting and the due dates they start. One instance for the app (the lexicon is
/// compiled once); thread-safe.
/// </summary>
/// <remarks>
/// Why: the guideline (seeds/000, "Dette har vist sig at kunne give visse udfordringer … anmoder om aktindsigt.
/// Dette bliver ikke automatisk opdaget ved modtagelsen") and its rule "Sager/dokumenter screenes for frister
/// (fx aktindsigt, klager)". Its manual fallback searches "aktindsigt (med forskellige stavemuligheder)" — the
/// lexicon's spelling variants and fuzzy matching do that automatically.
/// </remarks>
public sealed class ReplyScreener
{
    private readonly ScreeningLexicon _lexicon;
    private readonly DueDateRules _dueDates;

    public ReplyScreener(ScreeningLexicon lexicon, DueDateRules dueDates)
    {
        _lexicon = lexicon;
        _dueDates = dueDates;
    }

    public ScreeningResult Screen(string? subject, string text, ScreeningContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (scan, own) = QuoteMasker.Mask(text, _lexicon.File.Quotes);
        var anchoredBySubject = string.IsNullOrWhiteSpace(subject) ? NearAnchors.None : NearAnchors.InSubject(_lexicon, subject);
        var (findings, statusCue, cancelledInText) = FieldScanner.Scan(_lexicon, scan, text, "text", anchoredBySubject);
        if (!string.IsNullOrWhiteSpace(subject) && !IsEchoOfOurTitle(subject))
        {
            var (subjectFindings, subjectStatus, _) = FieldScanner.Scan(_lexicon, subject, subject, "subject");
            findings.InsertRange(0, subjectFindings.Select(f => AsTopicOfText(f, findings, cancelledInText)).OfType<TermFinding>());
            statusCue |= subjectStatus;
        }

        var flags = new List<ScreeningFlag>();
        foreach (var kind in Enum.GetValues<FlagKind>())
        {
            var ofKind = Merge(findings.Where(f => f.Kind == kind));
            if (ofKind.Count == 0) continue;
            // "Jeg klagede den 3. maj. Hvornår kan jeg forvente svar?" asks about an existing complaint: no new one.
            if (statusCue && ofKind.All(f => f.Reference) && _lexicon.File.StatusInquiry.Kinds.Contains(kind)) continue;
            var subKind = kind == FlagKind.AccessToRecordsRequest ? AccessSubKindOf(ofKind) : null;
            flags.Add(_dueDates.Flag(kind, subKind, ofKind.Select(f => f.Evidence).ToList(), context));
        }
        return new ScreeningResult(flags, own.Length == 0 && string.IsNullOrWhiteSpace(subject), own);
    }

    /// <summary>
    /// A subject alone is a request ("Agtindsigt" / "Se emne", r244), but not when the text names the same thing only in
    /// a way that is no request ("Aktindsigt?" / "Hvad koster det at få aktindsigt?") — then the subject is just the
    /// topic — and it is a reference when every mention in the text is one ("Aktindsigt" / "Jeg bad om aktindsigt for
    /// en uge siden. Er den sendt?"), so a status question about it is no new request.
    /// </summary>
    private static TermFinding? AsTopicOfText(TermFinding subjectFinding, List<TermFinding> textFindings, int cancelledInText)
    {
        var kind = subjectFinding.Kind;
        var inText = textFindings.Where(f => f.Kind == kind).ToList();
        if (inText.Count == 0) return (cancelledInText & (1 << (int)kind)) != 0 ? null : subjectFinding;
        return inText.All(f => f.Reference || InsideAReference(f, inText)) ? subjectFinding with { Reference = true } : subjectFinding;
    }

    /// <summary>As <see cref="Merge"/> sees it: "bad om aktindsigt" (a reference) and its inner "aktindsigt" are one mention.</summary>
    private static bool InsideAReference(TermFinding finding, List<TermFinding> sameKind)
    {
        foreach (var other in sameKind)
        {
            if (other.Reference && other.Evidence.Field == finding.Evidence.Field && other.First <= finding.Last && finding.First <= other.Last) return true;
        }
        return false;
    }

    /// <summary>"Sv: Afgørelse – klagevejledning" repeats our letter's title; only a subject the citizen wrote counts.</summary>
    private bool IsEchoOfOurTitle(string subject)
    {
        var trimmed = subject.AsSpan().TrimStart();
        foreach (var prefix in _lexicon.EchoPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Overlapping findings in one field become one piece of evidence: the longest, a reference if either is.</summary>
    private static List<TermFinding> Merge(IEnumerable<TermFinding> findings)
    {
        var merged = new List<TermFinding>();
        foreach (var finding in findings.OrderBy(f => f.Evidence.Field).ThenBy(f => f.First).ThenByDescending(f => f.Last))
        {
            var last = merged.Count > 0 ? merged[^1] : null;
            if (last is null || last.Evidence.Field != finding.Evidence.Field || finding.First > last.Last)
            {
                merged.Add(finding);
                continue;
            }
            var longer = finding.Last - finding.First > last.Last - last.First ? finding : last;
            merged[^1] = longer with { Reference = last.Reference || finding.Reference, Last = Math.Max(last.Last, finding.Last) };
        }
        return merged.OrderBy(f => f.Evidence.Field == "subject" ? 0 : 1).ThenBy(f => f.Evidence.Start).ToList();
    }

    /// <summary>An explicit GDPR reference decides; otherwise case-document wording means aktindsigt (the earlier deadline).</summary>
    private static string AccessSubKindOf(List<TermFinding> findings)
    {
        if (findings.Any(f => f.Group is { Decisive: true, SubKind: AccessSubKind.GdprArticle15 })) return AccessSubKind.GdprArticle15;
        if (findings.Any(f => f.Group.SubKind == AccessSubKind.Offentlighedsloven)) return AccessSubKind.Offentlighedsloven;
        return findings.Any(f => f.Group.SubKind == AccessSubKind.GdprArticle15) ? AccessSubKind.GdprArticle15 : AccessSubKind.Offentlighedsloven;
    }
}
