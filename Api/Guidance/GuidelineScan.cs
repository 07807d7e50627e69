using System.Buffers;
using SmartPost.Api.Guidance.Learned;
using SmartPost.Api.Text;

namespace SmartPost.Api.Guidance;

/// <summary>
/// What the compiled rules found in one letter: per rule its strong evidence (title/text phrases, the caseClosed
/// flag), weak evidence (document type) and whether it was vetoed; plus the klagevejledning, if any.
/// </summary>
internal sealed class GuidelineScan
{
    public const string TitleField = "documentTitle";
    public const string TextField = "text";
    public const string DocumentTypeField = "documentType";

    private readonly CompiledGuideline _rules;

    public GuidelineScan(CompiledGuideline rules, LetterFacts letter, bool featurize = false)
    {
        _rules = rules;
        var count = rules.Rules.Count;
        // A rule's evidence list is made when the rule first finds something: most rules find nothing in a letter.
        _strong = new List<Evidence>?[count];
        _weak = new List<Evidence>?[count];
        Vetoed = new bool[count];
        VetoedByTitle = new bool[count];
        VetoedUnlessTitled = new bool[count];
        ByCaseClosedFlag = new bool[count];
        Performed = new bool[count];
        PerformedByTitle = new bool[count];
        Topical = new bool[count];
        for (var i = 0; i < count; i++)
        {
            ByCaseClosedFlag[i] = letter.CaseClosed == true && rules.Rules[i].WhenCaseClosed;
        }

        _features = featurize ? LetterFeatureSet.ForThread() : null;
        try
        {
            Scan(letter.DocumentTitle, inTitle: true, TitleField);
            Scan(letter.Text, inTitle: false, TextField);
            // Folded once for the rules and the model (tokenizing and joining it made a list and strings each time).
            var normalizedType = string.IsNullOrWhiteSpace(letter.DocumentType) ? null : CompiledGuideline.NormalizeDocumentType(letter.DocumentType);
            ScanDocumentType(letter.DocumentType, normalizedType);
            if (_features is not null)
            {
                if (normalizedType is not null) LetterFeatures.AddDocumentType(normalizedType, _features);
                LetterFeatures.AddCaseClosed(letter.CaseClosed, _features);
                Features = _features.TakeSorted();
            }
        }
        catch
        {
            _features?.Clear();
            throw;
        }
    }

    private readonly LetterFeatureSet? _features;

    /// <summary>The learned model's input (<see cref="LetterFeatures"/>), made from the same analysis; empty unless asked for.</summary>
    public int[] Features { get; } = [];

    /// <summary>Content words of the letter's own text (<see cref="LetterFeatures.IsContentWord"/>); 0 unless features were asked for.</summary>
    public int ContentWords { get; private set; }

    /// <summary>The rule saw anything of its kind in the letter (words, document type or the caseClosed flag), vetoed or not.</summary>
    public bool SawEvidenceFor(CompiledRule rule) =>
        _strong[rule.Index] is not null || _weak[rule.Index] is not null || ByCaseClosedFlag[rule.Index];

    private readonly List<Evidence>?[] _strong;
    private readonly List<Evidence>?[] _weak;
    private static readonly Evidence[] NoEvidence = [];

    /// <summary>The rule's strong evidence (title/text phrases), in the order found.</summary>
    public IReadOnlyList<Evidence> StrongOf(CompiledRule rule) => _strong[rule.Index] ?? (IReadOnlyList<Evidence>)NoEvidence;

    /// <summary>The rule's weak evidence (the document type).</summary>
    public IReadOnlyList<Evidence> WeakOf(CompiledRule rule) => _weak[rule.Index] ?? (IReadOnlyList<Evidence>)NoEvidence;

    /// <summary>The rule has strong evidence in the letter's own text, not only in its title.</summary>
    public bool HasTextEvidence(CompiledRule rule)
    {
        if (_strong[rule.Index] is not { } strong) return false;
        foreach (var e in strong)
        {
            if (e.Field == TextField) return true;
        }
        return false;
    }

    /// <summary>The rule has strong evidence in the text that is not asked to go through a self-service solution.</summary>
    public bool HasAnswerableTextEvidence(CompiledRule rule)
    {
        if (_strong[rule.Index] is not { } strong) return false;
        foreach (var e in strong)
        {
            if (e.Field == TextField && !AskedThroughSelfService(e)) return true;
        }
        return false;
    }
    public bool[] Vetoed { get; }
    public bool[] ByCaseClosedFlag { get; }

    /// <summary>Per rule: the text performs its act with an operative cue ("Vi indkalder dig hermed …").</summary>
    public bool[] Performed { get; }

    /// <summary>Per rule: the title names the act itself ("Påbud om lægeerklæring"), not only the kind of letter.</summary>
    public bool[] PerformedByTitle { get; }

    /// <summary>The klagevejledning: each sentence (a heading with the sentence after it) that tells how to complain.</summary>
    public List<Evidence> ComplaintGuidance { get; } = new();

    /// <summary>Statements that there is no appeal ("Du kan ikke klage over …"): not a klagevejledning.</summary>
    public List<Evidence> NoAppeal { get; } = new();

    /// <summary>
    /// Asking whose answer the next sentence sends through a self-service solution ("Vi mangler dit pasfoto. Det skal
    /// uploades i selvbetjeningen"): the letter expects it back, but not as a reply to this letter.
    /// </summary>
    public bool AskedThroughSelfService(Evidence evidence) => _askedThroughSelfService?.Contains(evidence) == true;

    private HashSet<Evidence>? _askedThroughSelfService;

    /// <summary>Sentences that direct the recipient to a digital self-service solution.</summary>
    public List<Evidence> SelfService { get; } = new();

    /// <summary>Per rule with a <c>requires</c> list: the letter names its topic.</summary>
    public bool[] Topical { get; }

    public bool MatchedStrongly(CompiledRule rule) =>
        Applies(rule) && (_strong[rule.Index] is not null || ByCaseClosedFlag[rule.Index]);

    /// <summary>Matched by the title or text, not only by the caseClosed flag.</summary>
    public bool MatchedByWords(CompiledRule rule) => Applies(rule) && _strong[rule.Index] is not null;

    public bool MatchedWeakly(CompiledRule rule) => Applies(rule) && _weak[rule.Index] is not null;

    private bool Applies(CompiledRule rule) => !IsVetoed(rule) && (!rule.HasRequirement || Topical[rule.Index]);

    /// <summary>
    /// A veto in the text always holds; one in the title ("Kvittering …") does not overrule a decision the text itself
    /// makes ("Vi har godkendt ansøgningen"): for decisions the operative text decides, the title is weaker evidence.
    /// </summary>
    private bool IsVetoed(CompiledRule rule) =>
        Vetoed[rule.Index] || VetoedUnlessTitled[rule.Index] && !HasTitleEvidence(rule) || VetoedByTitle[rule.Index]
            && !(rule.ComplaintGuidance == ComplaintGuidanceRule.Required && HasTextEvidence(rule));

    private bool[] VetoedByTitle { get; }

    /// <summary>Per rule: a text veto that a title naming the rule's kind overrides (the rules file's <c>unlessTitleSilent</c>).</summary>
    public bool[] VetoedUnlessTitled { get; }

    /// <summary>The rule has strong evidence in the title.</summary>
    public bool HasTitleEvidence(CompiledRule rule)
    {
        if (_strong[rule.Index] is not { } strong) return false;
        foreach (var e in strong)
        {
            if (e.Field == TitleField) return true;
        }
        return false;
    }

    private void Scan(string original, bool inTitle, string fieldName)
    {
        // Nothing of the document outlives this scan (evidence copies its text), so its pooled arrays go back at the end.
        using var document = _rules.Concepts.Analyzer.Analyze(original);
        if (_features is not null) ContentWords += LetterFeatures.AddWords(document, inTitle, _features);
        var text = new LetterText(document);
        // The working lists and flags are the thread's, lent for this scan and given back at its end.
        var found = ThreadLists<ConceptHit>.Rent();
        var hits = ThreadLists<(CueEntry Cue, int First, int Last)>.Rent();
        var places = IgnoredPlaces.Rent();
        // One array for both kinds of flag: two of the same size would share one pool bucket, and the second rent and
        // return of each scan then went past the thread's own slot to the pool's locked per-core stacks.
        _words = text.Count;
        _flags = ArrayPool<bool>.Shared.Rent(Math.Max(1, 2 * _words));
        Array.Clear(_flags, 0, 2 * _words);
        try
        {
            Scan(original, inTitle, fieldName, text, found, hits, places);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(_flags);
            _flags = [];
            _words = 0;
            ThreadLists<ConceptHit>.Return(found, RetainedHits);
            ThreadLists<(CueEntry Cue, int First, int Last)>.Return(hits, RetainedHits);
            IgnoredPlaces.Return(places, RetainedHits);
        }
    }

    /// <summary>A thread keeps its working lists for the next letter up to this many items.</summary>
    private const int RetainedHits = 1 << 14;

    private void Scan(string original, bool inTitle, string fieldName, LetterText text, List<ConceptHit> found,
        List<(CueEntry Cue, int First, int Last)> hits, IgnoredPlaces places)
    {
        _rules.Concepts.Find(text.Document, found);
        foreach (var hit in found)
        {
            // Letters are written and proofread by caseworkers: a near miss is more often another word form with
            // another meaning ("oplyst" is not "oplys") than a typo, so the core's spelling tolerance is not used here.
            if (hit.Fuzzy) continue;
            var cue = _rules.Cues[hit.Concept];
            if (cue.Role == CueRole.Negation) _flags[hit.First] = true;
            else if (cue.Role == CueRole.Condition) _flags[_words + hit.First] = true;
            else if (cue.InTitle == inTitle && cue.Anchors.Hold(text, hit.First, hit.Last)) hits.Add((cue, hit.First, hit.Last));
        }

        var ignored = places.Sentences;
        var ignoredClauses = places.Clauses;
        foreach (var (cue, first, _) in hits)
        {
            var sentence = text.SentenceOf(first);
            switch (cue.Role)
            {
                case CueRole.IgnoreSentence: ignored.Add((cue.Rule, sentence)); break;
                case CueRole.IgnoreClause:
                    ignoredClauses.Add((cue.Rule, text.ClauseOf(first)));
                    // The clause's complement goes with it: "Du har bedt om, at fristen for at indsende … forlænges".
                    if (text.ComplementClauseAfter(first) is { } complement) ignoredClauses.Add((cue.Rule, complement));
                    break;
                case CueRole.ComplaintGuidanceIgnore: ignored.Add((ComplaintGuidanceSentence, sentence)); break;
                // Per clause: "…, skal ansøgningen indgives via den digitale ansøgning med MitID, og din læge skal sende en ny
                // lægeerklæring" still directs the recipient online; only the doctor's part is someone else acting.
                case CueRole.SelfServiceIgnore: ignoredClauses.Add((SelfServiceClause, text.ClauseOf(first))); break;
                case CueRole.Veto: (inTitle ? VetoedByTitle : Vetoed)[cue.Rule] = true; break;
                case CueRole.TitleSilentVeto: VetoedUnlessTitled[cue.Rule] = true; break;
                case CueRole.Requirement: Topical[cue.Rule] = true; break;
            }
        }

        // "Vi mangler dit pasfoto. Det skal indsendes via selvbetjeningen": what the next sentence requires to go through a
        // self-service solution is still expected back (the letter's kind), but it is an instruction to act there, not
        // something to answer this letter with, so it raises no question check (AskedThroughSelfService; "Du kan sende
        // oplysningerne via kontaktformularen" only offers a channel: the request stands). A self-service sentence that opens
        // with a condition ("Har du lektionsplaner, …, skal de uploades …") is about something else the recipient may have,
        // not the channel for what the sentence before asks for.
        var selfServiceSentences = places.SelfServiceSentences;
        foreach (var (cue, first, _) in hits)
        {
            var sentence = text.SentenceOf(first);
            if (cue.Role == CueRole.SelfService && !ignoredClauses.Contains((SelfServiceClause, text.ClauseOf(first))) && text.SentenceHasWord(sentence, "skal")
                && !text.OpensWithCondition(sentence))
                selfServiceSentences.Add(sentence);
        }

        List<(bool Right, int Sentence)>? splitGuidance = null;
        foreach (var (cue, first, last) in hits)
        {
            var sentence = text.SentenceOf(first);
            if (cue.Role == CueRole.ComplaintGuidance)
            {
                if (ignored.Contains((ComplaintGuidanceSentence, sentence))) continue;
                if (StatesNoAppeal(text, first, last)) AddSentence(NoAppeal, text, first, fieldName, _rules.ComplaintGuidanceId);
                else AddSentence(ComplaintGuidance, text, first, fieldName, _rules.ComplaintGuidanceId);
            }
            else if (cue.Role is CueRole.ComplaintRight or CueRole.ComplaintToWhomOrByWhen)
            {
                if (ignored.Contains((ComplaintGuidanceSentence, sentence))) continue;
                if (cue.Role == CueRole.ComplaintRight && StatesNoAppeal(text, first, last)) continue;
                (splitGuidance ??= new()).Add((cue.Role == CueRole.ComplaintRight, sentence));
            }
            else if (cue.Role == CueRole.SelfService)
            {
                if (ignoredClauses.Contains((SelfServiceClause, text.ClauseOf(first)))) continue;
                AddSentence(SelfService, text, first, fieldName, _rules.SelfServiceId);
            }
            else if (cue.Role == CueRole.Cue)
            {
                var rule = _rules.Rules[cue.Rule];
                if (ignored.Contains((rule.Index, sentence))) continue;
                if (ignored.Contains((rule.Index, sentence + 1)) && IsHeading(text, sentence)) continue;
                if (ignoredClauses.Contains((rule.Index, text.ClauseOf(first)))) continue;
                if (rule.Negatable && IsNegated(text, first, last)) continue;
                // "Hvis du aflægger prøven i automatgear, påføres kode 78", "Bliver prøven ikke bestået, inddrages din
                // førerret": a formal act told as the consequence of a future event is not one this letter performs.
                if (rule.Formal && !inTitle && text.IsHypothetical(sentence)) continue;
                if (!Asks(rule) && !inTitle && text.InClauseOfTime(first)) continue;
                if (rule.Formal && !inTitle && RefusesUntilSomethingIsThere(text, first, last)) continue;
                if (rule.Formal && !inTitle && ToldAsEarlier(text, first, last)) continue;
                // "Har du flere dokumenter, kan du sende dem til os": an offer under a condition asks for nothing now.
                if (Asks(rule) && !inTitle && text.OffersUnderCondition(sentence)) continue;
                var start = text.Start(first);
                var length = text.End(last) - start;
                var evidence = new Evidence(fieldName, original.Substring(start, length), start, length, rule.Id);
                if (Asks(rule) && selfServiceSentences.Contains(sentence + 1) && !selfServiceSentences.Contains(sentence))
                    (_askedThroughSelfService ??= new()).Add(evidence);
                var strong = _strong[rule.Index] ??= new();
                if (!strong.Contains(evidence)) strong.Add(evidence);
                if (cue.Operative) (inTitle ? PerformedByTitle : Performed)[rule.Index] = true;
            }
        }

        if (splitGuidance is not null) AddSplitGuidance(text, splitGuidance, fieldName);

        // A "Klagevejledning" heading over "Der er ikke klageadgang …" tells the recipient that there is no appeal: the
        // heading names the section, the sentence under it decides what it says.
        if (NoAppeal.Count > 0) ComplaintGuidance.RemoveAll(heading => heading.Field == fieldName && NoAppeal.Any(statement => statement.Field == fieldName
            && statement.Start > heading.Start && statement.Start < heading.Start + heading.Length));

        // A klagevejledning's own instructions ("Hvis du vil klage" / "Skriv til os senest 4 uger efter …") tell how to
        // complain; they do not ask for an answer to this letter.
        if (ComplaintGuidance.Count == 0) return;
        foreach (var rule in _rules.Rules)
        {
            if (!Asks(rule) || _strong[rule.Index] is not { } strong) continue;
            strong.RemoveAll(asking => asking.Field == fieldName && ComplaintGuidance.Any(guidance => guidance.Field == fieldName
                && InPassage(original, guidance, asking.Start)));
            // A rule whose every piece of evidence told how to complain found nothing.
            if (strong.Count == 0) _strong[rule.Index] = null;
        }
    }

    /// <summary>
    /// "Du kan klage over afgørelsen. Vi skal have din klage senest 4 uger efter …", "… kan du klage. Se vedlagte
    /// vejledning.": the right to complain and to whom or by when often stand in neighbouring sentences of one paragraph;
    /// together they are a klagevejledning, and both sentences are its evidence. A blank line ends the paragraph.
    /// </summary>
    private void AddSplitGuidance(LetterText text, List<(bool Right, int Sentence)> parts, string field)
    {
        foreach (var (isRight, right) in parts)
        {
            if (!isRight) continue;
            foreach (var (isRight2, rest) in parts)
            {
                if (isRight2 || Math.Abs(rest - right) > NeighbourSentences) continue;
                var (from, to) = (Math.Min(right, rest), Math.Max(right, rest));
                var start = text.Start(text.SentenceBounds(from).First);
                var end = text.End(text.SentenceBounds(to).Last);
                if (HasBlankLine(text.Original.AsSpan(start, end - start))) continue;
                while (end < text.Original.Length && text.Original[end] is '.' or '!' or '?') end++;
                if (!ComplaintGuidance.Any(e => e.Field == field && e.Start < end && start < e.Start + e.Length))
                    ComplaintGuidance.Add(new Evidence(field, text.Original[start..end], start, end - start, _rules.ComplaintGuidanceId));
                break;
            }
        }
    }

    /// <summary>How far apart (in sentences) the right to complain and its to whom or by when may stand.</summary>
    private const int NeighbourSentences = 2;

    private static bool HasBlankLine(ReadOnlySpan<char> span)
    {
        var newline = span.IndexOf('\n');
        while (newline >= 0)
        {
            var rest = span[(newline + 1)..];
            var next = rest.IndexOf('\n');
            if (next < 0) return false;
            if (rest[..next].IsWhiteSpace()) return true;
            span = rest;
            newline = next;
        }
        return false;
    }

    /// <summary>
    /// A klagevejledning's passage is its sentence (with its heading) and the sentences that follow it on the same line:
    /// "Du har ret til at få afgørelsen prøvet af … Skriv til os inden 4 uger, så sender vi sagen videre" tells how to
    /// complain in its second sentence too. A line break ends it: the next paragraph may ask for something of its own.
    /// </summary>
    private static bool InPassage(string original, Evidence guidance, int start)
    {
        var end = guidance.Start + guidance.Length;
        if (start < guidance.Start) return false;
        return start < end || original.AsSpan(end, start - end).IndexOf('\n') < 0;
    }

    /// <summary>
    /// A heading ("2. Partshøring") means what the sentence under it says: over a sentence the rule ignores ("Køreskolen har
    /// … fået lejlighed til at udtale sig") it is ignored too, as a "Klagevejledning" heading over a no-appeal statement is.
    /// A short sentence with its full stop ("Vi mangler en lægeerklæring.") says something of its own.
    /// </summary>
    private static bool IsHeading(LetterText text, int sentence)
    {
        var (first, last) = text.SentenceBounds(sentence);
        if (last - first >= HeadingWords) return false;
        var end = text.End(last);
        return end >= text.Original.Length || text.Original[end] is not ('.' or '!' or '?');
    }

    // Negation words (the first _words flags) and condition words (the next _words) of the field being scanned, by word.
    private bool[] _flags = [];
    private int _words;

    private bool IsNegation(int word) => _flags[word];

    private bool IsCondition(int word) => _flags[_words + word];

    private void ScanDocumentType(string? documentType, string? normalized)
    {
        if (documentType is null || normalized is null) return;
        foreach (var rule in _rules.Rules)
        {
            if (rule.DocumentTypes.Contains(normalized))
            {
                (_weak[rule.Index] ??= new()).Add(new Evidence(DocumentTypeField, documentType, 0, documentType.Length, rule.Id));
            }
        }
    }

    /// <summary>
    /// "du skal ikke sende mere": a negation word shortly before the cue or inside it ("du skal ikke ~ sende"), in the
    /// same sentence, cancels it — unless a condition precedes the negation ("hvis vi ikke har hørt fra dig"). A negation
    /// does not reach into a clause of time about the recipient: "Vi kan ikke behandle ansøgningen, før du har … sendt den
    /// tilbage til os" refuses to go on until the recipient sends it, which asks.
    /// </summary>
    private bool IsNegated(LetterText text, int first, int last)
    {
        var sentenceStart = text.SentenceStart(first);
        var clause = text.ClauseOf(first);
        var untilClause = text.InRecipientsUntilClause(first);
        for (var k = last - 1; k >= Math.Max(sentenceStart, first - _rules.NegationWindow); k--)
        {
            if (untilClause && k < first && text.ClauseOf(k) != clause) break;
            if (!IsNegation(k)) continue;
            for (var c = sentenceStart; c < k; c++)
            {
                if (IsCondition(c)) return false;
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// "Vi kan ikke give oplysninger …, før vi har fuldmagten": our refusal until something missing is there is the
    /// condition of a request, not a decision: a negation in or just before the cue, and later in its sentence a clause of
    /// "før" or "indtil" on what we are waiting for ("før vi har …"; "…, før du har bestået en køreprøve" may be a refusal
    /// with its condition). ("… ikke imødekomme din anmodning om at få kategorien påført uden prøve" refuses: a trailing
    /// "uden" is as often part of what was asked for.)
    /// </summary>
    private bool RefusesUntilSomethingIsThere(LetterText text, int first, int last)
    {
        var (sentenceFirst, sentenceLast) = text.SentenceBounds(text.SentenceOf(first));
        var negated = false;
        for (var k = Math.Max(sentenceFirst, first - 2); k <= last && !negated; k++) negated = IsNegation(k);
        if (!negated) return false;
        for (var k = last + 1; k <= sentenceLast; k++)
        {
            if (text.WordIsAny(k, "før", "førend", "indtil") && k < sentenceLast && text.WordIs(k + 1, "vi")) return true;
        }
        return false;
    }

    /// <summary>
    /// "Du er tidligere blevet indkaldt til kontrollerende køreprøve": an act told as done earlier is the earlier letter's,
    /// not this one's ("tidligere" in the cue or just before it).
    /// </summary>
    private static bool ToldAsEarlier(LetterText text, int first, int last)
    {
        for (var k = Math.Max(text.SentenceStart(first), first - 3); k <= last; k++)
        {
            if (text.WordIs(k, "tidligere")) return true;
        }
        return false;
    }

    /// <summary>The rule's cues ask for something back (the expected answer), where a negated grant's only refuse.</summary>
    private static bool Asks(CompiledRule rule) => rule.Negatable && rule.Recommendation == ReplyOption.WithReply;

    private const int ComplaintGuidanceSentence = -1;
    private const int SelfServiceClause = -2;
    private const int HeadingWords = 4;

    /// <summary>
    /// "Du kan ikke klage", "kan ikke påklages", "du ikke kan klage": a negation inside the phrase or just before it
    /// says there is no appeal. A negation further back belongs to a condition ("Er du ikke enig, kan du klage").
    /// </summary>
    private bool StatesNoAppeal(LetterText text, int first, int last)
    {
        for (var k = Math.Max(text.SentenceStart(first), first - 1); k <= last; k++)
        {
            if (IsNegation(k)) return true;
        }
        return false;
    }

    /// <summary>
    /// The whole sentence is the evidence the pane highlights; a heading ("Klagevejledning", "Sådan klager du") is
    /// shown with the sentence under it. A short sentence with its full stop ("Klagen sendes til os.") is no heading:
    /// it ends the passage, so a question in the next paragraph is not read as the klagevejledning's own instruction.
    /// One piece of evidence per sentence.
    /// </summary>
    private static void AddSentence(List<Evidence> found, LetterText text, int token, string field, string rule)
    {
        var sentence = text.SentenceOf(token);
        var (first, last) = text.SentenceBounds(sentence);
        if (IsHeading(text, sentence) && sentence + 1 < text.SentenceCount)
        {
            last = text.SentenceBounds(text.SentenceOf(last) + 1).Last;
        }
        var start = text.Start(first);
        if (found.Count > 0 && found[^1].Field == field && found[^1].Start + found[^1].Length >= start) return;
        var end = text.End(last);
        while (end < text.Original.Length && text.Original[end] is '.' or '!' or '?') end++; // the whole sentence, its full stop too
        found.Add(new Evidence(field, text.Original[start..end], start, end - start, rule));
    }
}
