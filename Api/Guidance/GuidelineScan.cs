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

    public GuidelineScan(CompiledGuideline rules, LetterFacts letter)
    {
        _rules = rules;
        var count = rules.Rules.Count;
        Strong = new List<Evidence>[count];
        Weak = new List<Evidence>[count];
        Vetoed = new bool[count];
        ByCaseClosedFlag = new bool[count];
        for (var i = 0; i < count; i++)
        {
            Strong[i] = new();
            Weak[i] = new();
            ByCaseClosedFlag[i] = letter.CaseClosed == true && rules.Rules[i].WhenCaseClosed;
        }

        using (var title = new AnalyzedText(letter.DocumentTitle, rules.Lexicon)) Scan(rules.Title, title, TitleField);
        using (var text = new AnalyzedText(letter.Text, rules.Lexicon)) Scan(rules.Text, text, TextField);
        ScanDocumentType(letter.DocumentType);
    }

    public List<Evidence>[] Strong { get; }
    public List<Evidence>[] Weak { get; }
    public bool[] Vetoed { get; }
    public bool[] ByCaseClosedFlag { get; }
    /// <summary>The klagevejledning: each sentence (a heading with the sentence after it) that tells how to complain.</summary>
    public List<Evidence> ComplaintGuidance { get; } = new();

    /// <summary>Statements that there is no appeal ("Du kan ikke klage over …"): not a klagevejledning.</summary>
    public List<Evidence> NoAppeal { get; } = new();

    /// <summary>Sentences that direct the recipient to a digital self-service solution.</summary>
    public List<Evidence> SelfService { get; } = new();

    public bool MatchedStrongly(CompiledRule rule) =>
        !Vetoed[rule.Index] && (Strong[rule.Index].Count > 0 || ByCaseClosedFlag[rule.Index]);

    public bool MatchedWeakly(CompiledRule rule) => !Vetoed[rule.Index] && Weak[rule.Index].Count > 0;

    private void Scan(FieldMatcher field, AnalyzedText text, string fieldName)
    {
        var hits = field.Matcher.FindAll(text);
        HashSet<(int Rule, int Sentence)>? ignored = null;
        foreach (var hit in hits)
        {
            var entry = field.Entries[hit.Phrase];
            var sentence = text.SentenceOf(hit.FirstToken);
            switch (entry.Role)
            {
                case PhraseRole.IgnoreSentence: (ignored ??= new()).Add((entry.Rule, sentence)); break;
                case PhraseRole.ComplaintGuidanceIgnore: (ignored ??= new()).Add((ComplaintGuidanceSentence, sentence)); break;
                case PhraseRole.SelfServiceIgnore: (ignored ??= new()).Add((SelfServiceSentence, sentence)); break;
                case PhraseRole.Veto: Vetoed[entry.Rule] = true; break;
            }
        }

        foreach (var hit in hits)
        {
            var entry = field.Entries[hit.Phrase];
            var sentence = text.SentenceOf(hit.FirstToken);
            if (entry.Role == PhraseRole.ComplaintGuidance)
            {
                if (ignored?.Contains((ComplaintGuidanceSentence, sentence)) == true) continue;
                if (StatesNoAppeal(text, hit)) AddSentence(NoAppeal, text, hit, fieldName, _rules.ComplaintGuidanceId);
                else AddSentence(ComplaintGuidance, text, hit, fieldName, _rules.ComplaintGuidanceId);
            }
            else if (entry.Role == PhraseRole.SelfService)
            {
                if (ignored?.Contains((SelfServiceSentence, sentence)) == true) continue;
                AddSentence(SelfService, text, hit, fieldName, _rules.SelfServiceId);
            }
            else if (entry.Role == PhraseRole.Cue)
            {
                var rule = _rules.Rules[entry.Rule];
                if (ignored?.Contains((rule.Index, text.SentenceOf(hit.FirstToken))) == true) continue;
                if (rule.Negatable && IsNegated(text, hit.FirstToken, hit.LastToken)) continue;
                Strong[rule.Index].Add(ToEvidence(text, hit, fieldName, rule.Id));
            }
        }
    }

    private void ScanDocumentType(string? documentType)
    {
        if (string.IsNullOrWhiteSpace(documentType)) return;
        var normalized = CompiledGuideline.NormalizeDocumentType(documentType);
        foreach (var rule in _rules.Rules)
        {
            if (rule.DocumentTypes.Contains(normalized))
            {
                Weak[rule.Index].Add(new Evidence(DocumentTypeField, documentType, 0, documentType.Length, rule.Id));
            }
        }
    }

    /// <summary>
    /// "du skal ikke sende mere": a negation word shortly before the cue or inside it ("du skal ikke ~ sende"), in the
    /// same sentence, cancels it — unless a condition precedes the negation ("hvis vi ikke har hørt fra dig").
    /// </summary>
    private bool IsNegated(AnalyzedText text, int first, int last)
    {
        var sentenceStart = text.SentenceStart(first);
        for (var k = last - 1; k >= Math.Max(sentenceStart, first - _rules.NegationWindow); k--)
        {
            if (!text.Is(k, _rules.NegationWords)) continue;
            for (var c = sentenceStart; c < k; c++)
            {
                if (text.Is(c, _rules.ConditionalWords)) return false;
            }
            return true;
        }
        return false;
    }

    private const int ComplaintGuidanceSentence = -1;
    private const int SelfServiceSentence = -2;
    private const int HeadingWords = 4;

    /// <summary>
    /// "Du kan ikke klage", "kan ikke påklages", "du ikke kan klage": a negation inside the phrase or just before it
    /// says there is no appeal. A negation further back belongs to a condition ("Er du ikke enig, kan du klage").
    /// </summary>
    private bool StatesNoAppeal(AnalyzedText text, PhraseHit hit)
    {
        var from = Math.Max(text.SentenceStart(hit.FirstToken), hit.FirstToken - 1);
        for (var k = from; k <= hit.LastToken; k++)
        {
            if (text.Is(k, _rules.NegationWords)) return true;
        }
        return false;
    }

    /// <summary>
    /// The whole sentence is the evidence the pane highlights; a heading ("Klagevejledning", "Sådan klager du") is
    /// shown with the sentence under it. One piece of evidence per sentence.
    /// </summary>
    private static void AddSentence(List<Evidence> found, AnalyzedText text, PhraseHit hit, string field, string rule)
    {
        var (first, last) = text.SentenceBounds(text.SentenceOf(hit.FirstToken));
        if (last - first < HeadingWords && text.SentenceOf(last) + 1 < text.SentenceCount)
        {
            last = text.SentenceBounds(text.SentenceOf(last) + 1).Last;
        }
        var start = text.Start(first);
        if (found.Count > 0 && found[^1].Field == field && found[^1].Start + found[^1].Length >= start) return;
        var length = text.End(last) - start;
        found.Add(new Evidence(field, text.Original.Substring(start, length), start, length, rule));
    }

    private static Evidence ToEvidence(AnalyzedText text, PhraseHit hit, string field, string rule)
    {
        var start = text.Start(hit.FirstToken);
        var length = text.End(hit.LastToken) - start;
        return new Evidence(field, text.Original.Substring(start, length), start, length, rule);
    }
}
