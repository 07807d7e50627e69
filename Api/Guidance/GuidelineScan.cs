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
    public List<Evidence> ComplaintGuidance { get; } = new();

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
            if (entry.Role == PhraseRole.IgnoreSentence) (ignored ??= new()).Add((entry.Rule, text.SentenceOf(hit.FirstToken)));
            else if (entry.Role == PhraseRole.Veto) Vetoed[entry.Rule] = true;
        }

        foreach (var hit in hits)
        {
            var entry = field.Entries[hit.Phrase];
            if (entry.Role == PhraseRole.ComplaintGuidance)
            {
                ComplaintGuidance.Add(ToEvidence(text, hit, fieldName, _rules.ComplaintGuidanceId));
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

    private static Evidence ToEvidence(AnalyzedText text, PhraseHit hit, string field, string rule)
    {
        var start = text.Start(hit.FirstToken);
        var length = text.End(hit.LastToken) - start;
        return new Evidence(field, text.Original.Substring(start, length), start, length, rule);
    }
}
