using SmartPost.Api.Guidance.Learned;

namespace SmartPost.Api.Guidance;

/// <summary>
/// The send-time guidance: which category a letter is (by the rules file), med or uden svarmulighed, physical mail
/// for exempt recipients, the checks, and why. Plain C#, compiled rules, no I/O: a singleton.
/// </summary>
public sealed class GuidanceEngine
{
    private const string ExpectedAnswerWins = "SmartPost skal altid anvendes, når du venter et svar tilbage.";
    private readonly CompiledGuideline _rules;
    private readonly MaterialNames _materials;

    private readonly CategorySecondOpinion? _secondOpinion;

    internal GuidanceEngine(CompiledGuideline rules, MaterialNames materials, CategorySecondOpinion? secondOpinion = null)
    {
        _rules = rules;
        _materials = materials;
        _secondOpinion = secondOpinion;
    }

    /// <summary>The same rules with the learned category model as second opinion (null: the rules alone).</summary>
    public GuidanceEngine WithSecondOpinion(CategorySecondOpinion? secondOpinion) => new(_rules, _materials, secondOpinion);

    public CategorySecondOpinion? SecondOpinion => _secondOpinion;

    /// <summary>The learned model's input for a letter (for training and evaluation: tools/TrainLetterModel).</summary>
    public int[] Features(LetterFacts letter) => new GuidelineScan(_rules, letter, featurize: true).Features;

    /// <summary>How many content words the letter's own text has (the model's evidence gate; tools/TrainLetterModel).</summary>
    public int ContentWords(LetterFacts letter) => new GuidelineScan(_rules, letter, featurize: true).ContentWords;

    /// <summary>Loads, validates and compiles the rules file; throws <see cref="GuidelineRulesException"/> if it is invalid.</summary>
    public static GuidanceEngine FromFile(string rulesPath, MaterialNames materials) =>
        new(GuidelineRulesLoader.Load(rulesPath), materials);

    public string RulesPath => _rules.SourcePath;

    /// <summary>The categories the rules file covers.</summary>
    public IReadOnlySet<GuidanceCategory> Categories => _rules.Rules.Select(r => r.Category).ToHashSet();

    public Suggestion Suggest(LetterFacts letter, RecipientStanding? recipient = null, ReplyOption? chosenOption = null)
    {
        var scan = new GuidelineScan(_rules, letter, featurize: _secondOpinion is not null);
        var strong = new List<CompiledRule>();
        foreach (var rule in _rules.Rules)
        {
            if (scan.MatchedStrongly(rule)) strong.Add(rule);
        }
        // The caseClosed flag says the case is done, not what the letter is: a kind the words show (a decision, a receipt,
        // an answer to a question, a GDPR notice) wins over it; it decides only against the fallback.
        var winner = Highest(strong, scan, static (r, s) => !r.Fallback && s.MatchedByWords(r))
            ?? Highest(strong, scan, static (r, s) => s.MatchedByWords(r))
            ?? Highest(strong, scan, static (_, _) => true)
            ?? Highest(_rules.Rules, scan, static (r, s) => s.MatchedWeakly(r))
            ?? _rules.Fallback;
        winner = AnswerAskedInText(scan, strong, winner);
        winner = TitleDoesNotMakeADecision(scan, strong, winner);
        winner = KindShownByText(letter, scan, strong, winner);
        winner = KindOfTheLetterBeforeItsSection(scan, strong, winner);
        var (byModel, doubted) = ReadSecondOpinion(scan, strong, winner);
        // The model may change the kind, not take away a klagevejledning check the rules' own text evidence raises: a
        // time-limited renewal it reads as information still needs its klagevejledning (lA-093, letter round 18).
        var rulesKindKeptForComplaintGuidance = byModel is not null && scan.HasTextEvidence(winner)
            && winner.ComplaintGuidance != ComplaintGuidanceRule.Optional ? winner : null;
        winner = byModel ?? winner;

        // A decision that also asks for documentation: the expected answer wins, and the caseworker is told.
        var formal = winner.Recommendation != ReplyOption.WithReply ? null
            : (Highest(strong, scan, static (r, _) => IsFormal(r)) ?? Highest(_rules.Rules, scan, static (r, s) => IsFormal(r) && s.MatchedWeakly(r)));
        // The formal kind the text makes, before a higher one it only names: "Vi har besluttet at forny dit kørekort … i 2
        // år" under the title and type "Afgørelse" is a decision beside the request, though "forny" also reads as a grant.
        if (formal is not null && !FormalKindIsInText(scan, formal))
            formal = Highest(strong, scan, static (r, s) => IsFormal(r) && FormalKindIsInText(s, r)) ?? formal;

        var replyOption = winner.Recommendation;
        var physical = recipient is { Exempt: true, SpecialLawMandatesDigitalPost: false };
        var recommendation = physical ? ReplyOption.PhysicalMail : replyOption;

        var reasons = new List<string> { CategoryReason(winner, scan) };
        if (byModel is not null)
            reasons.Add($"Brevets ordlyd som helhed ligner mest breve af kategorien {byModel.Name}, så kategorien følger den; kontrollér, at det passer.");
        if (doubted is not null)
            reasons.Add($"Usikker kategori: reglerne genkender brevet som \"{winner.Name}\", men brevets ordlyd som helhed ligner mest "
                + $"\"{doubted.Name}\". Du vælger selv, hvad brevet er.");
        if (formal is not null)
        {
            reasons.Add($"Konflikt: brevet ligner også kategorien {formal.Name} (\"{formal.GuidelineLine}\"), som sendes uden "
                + $"svarmulighed, men brevet forventer et svar. Retningslinjen: \"{ExpectedAnswerWins}\" – derfor med svarmulighed.");
        }
        if (DocumentTypeReason(letter, scan, winner, formal) is { } typeReason) reasons.Add(typeReason);
        if (scan.NoAppeal.Count > 0 && scan.ComplaintGuidance.Count == 0)
            reasons.Add($"Brevet siger, at der ikke kan klages (\"{scan.NoAppeal[0].Text}\"); det er ikke en klagevejledning.");
        if (RecipientReason(recipient, replyOption) is { } recipientReason) reasons.Add(recipientReason);

        var evidence = Evidence(scan, winner, formal);
        var formalInText = formal is not null && FormalKindIsInText(scan, formal);
        var checks = GuidanceChecks.Evaluate(new GuidanceChecks.Context(
            winner, formal, scan.ComplaintGuidance, scan.SelfService, AnswerableEvidence(scan, winner), formalInText, replyOption, recipient, chosenOption, doubted,
            rulesKindKeptForComplaintGuidance));

        return new Suggestion(recommendation, _materials.For(recommendation), winner.Category, replyOption, formal is not null,
            scan.ComplaintGuidance.Count > 0, reasons, checks, evidence,
            new MatchedRule(winner.Id, winner.Category, winner.Name, winner.GuidelineLine));
    }

    /// <summary>
    /// What the learned model adds: the rule of the category it puts in place of the rules' winner, or the rule of a kind
    /// it is sure of where it may not overrule (the rules are clear, or the kind would change the reply option while the
    /// combination keeps it): then the answer stays the rules' but is marked unsure, and the caseworker chooses. The rules
    /// are "clear" when the winner matched by its words and no other kind did; otherwise they are unsure, and the model
    /// needs less confidence to overrule.
    /// </summary>
    private (CompiledRule? Overrule, CompiledRule? Doubt) ReadSecondOpinion(GuidelineScan scan, List<CompiledRule> strong, CompiledRule winner)
    {
        if (_secondOpinion is null) return (null, null);
        // Clear: the winner matched by its words and the rules that matched by words show a single kind.
        GuidanceCategory? kind = null;
        var oneKind = false;
        // A kind the letter performs ("Vi giver dig derfor dispensation", "Vi afviser derfor at genoptage") leaves the rules
        // clear against kinds it only names (a decision's generic "Afgørelsen er registreret", a GDPR line on "dine
        // rettigheder", "læs mere"), so the model cannot turn a grant into a refusal or a refusal into a withdrawal.
        var performed = scan.Performed[winner.Index];
        foreach (var r in strong)
        {
            if (r.Fallback || !scan.MatchedByWords(r)) continue;
            if (performed && r != winner && !scan.Performed[r.Index]) continue;
            if (kind is null) (kind, oneKind) = (r.Category, true);
            else if (kind != r.Category)
            {
                oneKind = false;
                break;
            }
        }
        var clear = !winner.Fallback && scan.MatchedByWords(winner) && oneKind;
        var (overrule, doubt) = _secondOpinion.Read(scan.Features, scan.ContentWords, winner.Category, clear,
            c => _rules.Rules.Any(r => r.Category == c && scan.SawEvidenceFor(r)));
        var rule = RuleOf(overrule);
        if (rule is not null)
            return _secondOpinion.SameReplyOption && rule.Recommendation != winner.Recommendation ? (null, rule) : (rule, null);
        return (null, RuleOf(doubt));
    }

    /// <summary>
    /// Of the rules that fit, the one of highest priority, the first of equals (as MaxBy picks): a loop with a static
    /// test, as the winner is chosen on every suggestion and closures over the scan cost an allocation each.
    /// </summary>
    private static CompiledRule? Highest(IReadOnlyList<CompiledRule> rules, GuidelineScan scan, Func<CompiledRule, GuidelineScan, bool> fits,
        CompiledRule? except = null)
    {
        CompiledRule? best = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule == except || !fits(rule, scan)) continue;
            if (best is null || rule.Priority > best.Priority) best = rule;
        }
        return best;
    }

    private CompiledRule? RuleOf(GuidanceCategory? category) =>
        category is { } c ? _rules.Rules.Where(r => r.Category == c).MaxBy(r => r.Priority) : null;

    /// <summary>
    /// What every rule saw in a letter, one line per rule that saw anything (strong and weak evidence, veto, topic,
    /// operative): for a person working on the rules file (tools/EvaluateLetters --explain), not for caseworkers.
    /// </summary>
    public IReadOnlyList<string> Trace(LetterFacts letter)
    {
        var scan = new GuidelineScan(_rules, letter);
        var lines = new List<string>();
        foreach (var rule in _rules.Rules)
        {
            var found = scan.StrongOf(rule).Concat(scan.WeakOf(rule)).Select(e => $"{e.Field}:\"{e.Text.ReplaceLineEndings(" ")}\"").ToList();
            var flags = new List<string>();
            if (scan.Vetoed[rule.Index] || scan.VetoedUnlessTitled[rule.Index] || !scan.MatchedByWords(rule) && scan.StrongOf(rule).Count > 0 && (!rule.HasRequirement || scan.Topical[rule.Index])) flags.Add("vetoed");
            if (rule.HasRequirement && !scan.Topical[rule.Index]) flags.Add("off-topic");
            if (scan.Performed[rule.Index]) flags.Add("operative");
            if (scan.ByCaseClosedFlag[rule.Index]) flags.Add("caseClosed");
            if (found.Count == 0 && flags.Count == 0) continue;
            lines.Add($"{rule.Id} (priority {rule.Priority}){(flags.Count > 0 ? " [" + string.Join(", ", flags) + "]" : "")}: {string.Join(" ", found)}");
        }
        foreach (var e in scan.NoAppeal) lines.Add($"no-appeal: \"{e.Text.ReplaceLineEndings(" ")}\"");
        foreach (var e in scan.SelfService) lines.Add($"self-service: \"{e.Text.ReplaceLineEndings(" ")}\"");
        return lines;
    }

    /// <summary>
    /// An expected answer is something the text asks for. A title that announces one ("Påtænkt afgørelse", "Manglende
    /// bilag") over a text that asks nothing but shows another kind (a decision made after the hearing, a receipt) is
    /// that kind: the title is weaker evidence than the text. With nothing else in the text, the title still decides.
    /// </summary>
    private static CompiledRule AnswerAskedInText(GuidelineScan scan, List<CompiledRule> strong, CompiledRule winner)
    {
        if (winner.Recommendation != ReplyOption.WithReply || InText(scan, winner)) return winner;
        return Highest(strong, scan, static (r, s) => !r.Fallback && InText(s, r), except: winner) ?? winner;
    }

    /// <summary>
    /// The title may say which kind of decision the text makes ("Fristudsættelse" over "Vi har forlænget fristen"), but
    /// it does not decide whether the letter needs a klagevejledning: a kind only the title shows gives way to a kind the
    /// text shows when one of them needs a klagevejledning and the other does not.
    /// </summary>
    private CompiledRule TitleDoesNotMakeADecision(GuidelineScan scan, List<CompiledRule> strong, CompiledRule winner)
    {
        if (winner.Fallback || scan.HasTextEvidence(winner)) return winner;
        var needs = winner.ComplaintGuidance == ComplaintGuidanceRule.Required;
        // Words of the title's side in the text, even where a veto set them aside ("Vi fastholder vores afgørelse" beside
        // a complaint sent on), leave the title's kind standing.
        foreach (var r in _rules.Rules)
        {
            if ((r.ComplaintGuidance == ComplaintGuidanceRule.Required) == needs && scan.HasTextEvidence(r)) return winner;
        }
        CompiledRule? best = null;
        foreach (var r in strong)
        {
            if (r == winner || !InText(scan, r) || (r.ComplaintGuidance == ComplaintGuidanceRule.Required) == needs) continue;
            if (best is null || r.Priority > best.Priority) best = r;
        }
        return best ?? winner;
    }

    /// <summary>
    /// A title that only names a document type ("Afgørelse", "Information") is as weak as the document type: when it is
    /// the winner's only words, a kind the text itself shows wins (a receipt of a complaint, a GDPR notice or a closing
    /// letter titled "Afgørelse"). A title that names the matter ("Fristudsættelse", "Kontrollerende køreprøve") still decides.
    /// </summary>
    private static CompiledRule KindShownByText(LetterFacts letter, GuidelineScan scan, List<CompiledRule> strong, CompiledRule winner)
    {
        if (winner.Fallback || !scan.MatchedByWords(winner) || scan.HasTextEvidence(winner)
            || string.IsNullOrWhiteSpace(letter.DocumentTitle)
            || !NamesDocumentType(winner, letter.DocumentTitle))
            return winner;
        return Highest(strong, scan, static (r, s) => !r.Fallback && InText(s, r), except: winner) ?? winner;
    }

    /// <summary>
    /// A kind whose text is often an appended section (the rules file's <c>appendedSection</c>: the oplysningspligt at the
    /// end of a receipt) gives way to a kind that both the title and the text show ("Kvittering" over "Vi har modtaget din
    /// anmodning …"), unless the title shows the section's kind too ("Behandling af dine personoplysninger").
    /// </summary>
    private static CompiledRule KindOfTheLetterBeforeItsSection(GuidelineScan scan, List<CompiledRule> strong, CompiledRule winner)
    {
        if (!winner.AppendedSection || scan.HasTitleEvidence(winner)) return winner;
        return Highest(strong, scan, static (r, s) => s.HasTitleEvidence(r) && InText(s, r), except: winner) ?? winner;
    }

    // "Afgørelse" or "Afgørelse om kontrollerende køreprøve": the title opens with a document type of the kind.
    private static bool NamesDocumentType(CompiledRule rule, string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rule.DocumentTypes.Contains(CompiledGuideline.NormalizeDocumentType(words[0]))
            || rule.DocumentTypes.Contains(CompiledGuideline.NormalizeDocumentType(title));
    }

    // Asking answered through a self-service solution is weaker: it makes the letter one that expects something back only
    // when the text shows no other kind ("Ønsker du indsigt, kan du anmode om det i selvbetjeningen" under a decision).
    private static bool InText(GuidelineScan scan, CompiledRule rule) =>
        scan.MatchedByWords(rule) && scan.HasAnswerableTextEvidence(rule);

    /// <summary>
    /// The winner's evidence that asks for a reply to this letter: not what the text sends back through a self-service
    /// solution. A title that names the request ("Anmodning om lægeerklæring") still counts: blind batch C labels such a
    /// letter a question sent uden svarmulighed even when the text sends the statement through self-service.
    /// </summary>
    private static List<Evidence> AnswerableEvidence(GuidelineScan scan, CompiledRule winner)
    {
        var answerable = new List<Evidence>();
        foreach (var e in scan.StrongOf(winner))
        {
            if (!scan.AskedThroughSelfService(e)) answerable.Add(e);
        }
        return answerable;
    }

    /// <summary>
    /// A letter that asks for something is also of the formal kind when its text performs the act ("Vi indkalder dig til
    /// kontrollerende køreprøve"), says so twice, or once with the title or document type agreeing ("Du skal til
    /// kontrollerende køreprøve. Vælg prøvested …" is a question, not a summons), or when the title names the act itself
    /// (an operative cue in the title: "Påbud om lægeerklæring").
    /// </summary>
    private static bool FormalKindIsInText(GuidelineScan scan, CompiledRule formal)
    {
        var inText = scan.StrongOf(formal).Count(e => e.Field == GuidelineScan.TextField);
        var elsewhere = scan.StrongOf(formal).Count(e => e.Field != GuidelineScan.TextField) + scan.WeakOf(formal).Count;
        // A title that names the act ("Påbud om lægeerklæring") over a text that states the duty ("Du skal indsende …") is
        // the order itself; a generic "Afgørelse" title and type over a request are not (caseworkers often type them wrongly).
        return inText >= 2 || inText == 1 && (elsewhere > 0 || scan.Performed[formal.Index]) || scan.PerformedByTitle[formal.Index];
    }

    /// <summary>
    /// The WorkZone document type is weak evidence and often wrong; when the text shows another kind, the caseworker is
    /// told, so the type can be corrected ("Afgørelse" on a partshøring, "Information" on an approval).
    /// </summary>
    private string? DocumentTypeReason(LetterFacts letter, GuidelineScan scan, CompiledRule winner, CompiledRule? formal)
    {
        if (string.IsNullOrWhiteSpace(letter.DocumentType)) return null;
        // The rules the document type matched, read in one loop (this runs on every suggestion with a type).
        CompiledRule? firstTyped = null;
        var allDecisions = true;
        foreach (var r in _rules.Rules)
        {
            if (scan.WeakOf(r).Count == 0) continue;
            // A conflicting formal kind the type alone shows ("Afgørelse" on a partshøring) is the contradiction itself.
            if (r == winner || r == formal && scan.StrongOf(formal).Count > 0) return null;
            firstTyped ??= r;
            allDecisions &= r.Category == GuidanceCategory.Decision;
        }
        if (firstTyped is null) return null;
        // "Afgørelse" fits every kind of decision (fristudsættelse, aktindsigt, godkendelse, indkaldelse, inddragelse).
        if (allDecisions && winner.ComplaintGuidance != ComplaintGuidanceRule.Optional) return null;
        if (!scan.HasTextEvidence(winner)) return null;
        return $"Dokumenttypen \"{letter.DocumentType}\" passer ikke til brevets indhold: teksten viser {winner.Name.ToLowerInvariant()}, "
            + $"ikke {firstTyped.Name.ToLowerInvariant()}. Kategorien følger teksten; ret dokumenttypen i WorkZone."
            + ComplaintGuidanceConsequence(formal is not null && FormalKindIsInText(scan, formal) ? formal : winner, firstTyped,
                scan.ComplaintGuidance.Count > 0);
    }

    /// <summary>
    /// What the wrong type would have made the caseworker forget: the klagevejledning a decision typed as information
    /// needs (when the letter has none yet), or that a letter typed as a decision whose text decides nothing needs none.
    /// </summary>
    private static string ComplaintGuidanceConsequence(CompiledRule shown, CompiledRule typed, bool guidanceFound) =>
        (shown.ComplaintGuidance, typed.ComplaintGuidance) switch
        {
            (ComplaintGuidanceRule.Required, not ComplaintGuidanceRule.Required) when !guidanceFound =>
                $" Husk klagevejledning: som {shown.Name.ToLowerInvariant()} skal brevet have en.",
            (ComplaintGuidanceRule.Optional, ComplaintGuidanceRule.Required) =>
                " Teksten træffer ingen afgørelse, så brevet behøver ingen klagevejledning.",
            _ => "",
        };

    private static bool IsFormal(CompiledRule rule) => rule.Formal && rule.Recommendation == ReplyOption.WithoutReply;

    private static string CategoryReason(CompiledRule winner, GuidelineScan scan)
    {
        var option = winner.Recommendation == ReplyOption.WithReply ? "med svarmulighed" : "uden svarmulighed";
        // The first three distinct phrases, strong before weak: a plain loop, as this runs on every suggestion.
        var found = new List<string>(ReasonPhrases);
        AddDistinctTexts(found, scan.StrongOf(winner));
        AddDistinctTexts(found, scan.WeakOf(winner));
        var why = found.Count > 0 ? $"Fundet: \"{string.Join("\", \"", found)}\"."
            : scan.ByCaseClosedFlag[winner.Index] ? "Sagen er markeret som afsluttet."
            : "Ingen anden regel genkendte brevet.";
        return $"Kategori {winner.Name}: retningslinjen \"{winner.GuidelineLine}\" → {option}. {why}";
    }

    private const int ReasonPhrases = 3;

    private static void AddDistinctTexts(List<string> found, IReadOnlyList<Evidence> evidence)
    {
        for (var i = 0; i < evidence.Count && found.Count < ReasonPhrases; i++)
        {
            if (!found.Contains(evidence[i].Text)) found.Add(evidence[i].Text);
        }
    }

    private static string? RecipientReason(RecipientStanding? recipient, ReplyOption replyOption) => recipient switch
    {
        null => null,
        { Exempt: true, SpecialLawMandatesDigitalPost: false } =>
            $"Modtageren er fritaget for Digital Post (kilde: {recipient.Source}) → send som fysisk post (Lov om Digital Post § 5).",
        { Exempt: true } =>
            $"Modtageren er fritaget for Digital Post, men en særlov kræver digital post → send digitalt {Danish(replyOption)}.",
        { Exempt: null } => $"Det kunne ikke afgøres, om modtageren er fritaget for Digital Post ({recipient.Note ?? recipient.Source}).",
        _ => recipient.Note is { } note ? $"Modtageren er ikke fritaget for Digital Post ({note})." : null,
    };

    internal static string Danish(ReplyOption option) => option switch
    {
        ReplyOption.WithReply => "med svarmulighed",
        ReplyOption.WithoutReply => "uden svarmulighed",
        _ => "som fysisk post",
    };

    private static List<Evidence> Evidence(GuidelineScan scan, CompiledRule winner, CompiledRule? formal)
    {
        // Each piece once, in the order found: the winner's, the formal kind's, then the klagevejledning.
        var all = new List<Evidence>();
        var seen = new HashSet<Evidence>();
        AddUnseen(scan.StrongOf(winner));
        AddUnseen(scan.WeakOf(winner));
        if (formal is not null)
        {
            AddUnseen(scan.StrongOf(formal));
            AddUnseen(scan.WeakOf(formal));
        }
        AddUnseen(scan.ComplaintGuidance);
        return all;

        void AddUnseen(IReadOnlyList<Evidence> evidence)
        {
            foreach (var e in evidence)
            {
                if (seen.Add(e)) all.Add(e);
            }
        }
    }
}
