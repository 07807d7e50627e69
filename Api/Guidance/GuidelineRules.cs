namespace SmartPost.Api.Guidance;

/// <summary>
/// The rules file (Api/Rules/guideline-rules.json) as an administrator writes it. Everything is nullable so that
/// <see cref="GuidelineRulesValidator"/> can say precisely what is missing instead of failing on the first gap.
/// </summary>
internal sealed class GuidelineRulesFile
{
    /// <summary>Which guideline the rules implement (shown to nobody; for the administrator).</summary>
    public string? Guideline { get; set; }

    /// <summary>Words that cancel a following cue in rules marked negatable ("du skal ikke sende").</summary>
    public NegationDefinition? Negation { get; set; }

    /// <summary>How a klagevejledning is recognised in a letter.</summary>
    public ComplaintGuidanceDefinition? ComplaintGuidance { get; set; }

    /// <summary>How a direction to a digital self-service solution is recognised (checked for recipients exempt from Digital Post).</summary>
    public ComplaintGuidanceDefinition? SelfService { get; set; }

    /// <summary>
    /// How the agency names itself in the third person ("Styrelsen godkender …", "når Færdselsstyrelsen har modtaget
    /// …"): wherever a rule's cue names "vi", these words count as "vi" too, so the rules say "vi" once (not in the klagevejledning and self-service concepts).
    /// </summary>
    public List<string>? Authority { get; set; }

    public List<RuleDefinition?>? Rules { get; set; }
}

internal sealed class NegationDefinition
{
    public List<string>? Words { get; set; }

    /// <summary>How many words before a cue a negation word may stand.</summary>
    public int? Window { get; set; }

    /// <summary>"hvis … ikke" is a condition, not a negation: a negation after one of these words does not count.</summary>
    public List<string>? ConditionalWords { get; set; }
}

/// <summary>A concept found in a letter's sentences: its phrases, and sentences where they mean something else.</summary>
internal sealed class ComplaintGuidanceDefinition
{
    public string? Id { get; set; }
    public List<string>? Phrases { get; set; }

    /// <summary>Sentences with one of these phrases do not count ("klage til Datatilsynet", "din klage over").</summary>
    public List<string>? IgnoreSentencesWith { get; set; }

    /// <summary>
    /// Klagevejledning only: the right to complain without to whom or by when ("Du kan klage over afgørelsen."). It is a
    /// klagevejledning when a neighbouring sentence of the same paragraph has a <see cref="ToWhomOrByWhen"/> phrase.
    /// </summary>
    public List<string>? Right { get; set; }

    /// <summary>Klagevejledning only: to whom or by when, or where the rest is ("Vi skal have din klage senest 4 uger efter …", "Se vedlagte vejledning.").</summary>
    public List<string>? ToWhomOrByWhen { get; set; }
}

internal sealed class RuleDefinition
{
    public string? Id { get; set; }
    public string? Category { get; set; }

    /// <summary>Danish display name of the category, used in reasons.</summary>
    public string? Name { get; set; }
    public string? Recommendation { get; set; }

    /// <summary>Among matching rules the highest priority wins.</summary>
    public int? Priority { get; set; }

    /// <summary>The line of the guideline the rule implements, quoted in Danish.</summary>
    public string? GuidelineLine { get; set; }
    public string? ComplaintGuidance { get; set; }

    /// <summary>A formal category: when the letter also expects an answer, that is reported as a conflict.</summary>
    public bool Formal { get; set; }

    /// <summary>The request's caseClosed flag counts as a match of this rule.</summary>
    public bool WhenCaseClosed { get; set; }

    /// <summary>The rule that applies when nothing else matches (exactly one).</summary>
    public bool Fallback { get; set; }

    /// <summary>Cues preceded by a negation word do not count.</summary>
    public bool Negatable { get; set; }

    /// <summary>
    /// The kind's text is often a section appended to letters of other kinds (the oplysningspligt under "Om behandlingen
    /// af dine oplysninger" at the end of a receipt): when the title does not show this kind but shows another that the
    /// text shows too, that kind wins.
    /// </summary>
    public bool AppendedSection { get; set; }

    public List<string>? Title { get; set; }
    public List<string>? Text { get; set; }

    /// <summary>
    /// Text cues in which the letter itself performs the act ("Vi indkalder dig", "Vi tilbagekalder godkendelsen"): also
    /// text cues, and one of them is enough to make a formal kind count beside an expected answer.
    /// </summary>
    public List<string>? Operative { get; set; }

    public List<string>? DocumentTypes { get; set; }

    /// <summary>
    /// The rule applies only when the title or text names one of these somewhere (its topic): an answer to a question
    /// is about a frakendelse only when the letter speaks of one.
    /// </summary>
    public List<string>? Requires { get; set; }

    /// <summary>Phrases (title or text) that veto the rule, e.g. "tilbagekaldelse" for an approval.</summary>
    public List<string>? Unless { get; set; }

    /// <summary>
    /// Vetoes that hold in the text only while the title does not name the rule's kind: the expected processing time
    /// makes a letter that opens like a receipt a processing-time notice, but under the title "Kvittering for ansøgning"
    /// it is the receipt's own line. In the title they veto as <see cref="Unless"/> does ("Kvittering og forventet svartid").
    /// </summary>
    public List<string>? UnlessTitleSilent { get; set; }

    /// <summary>
    /// Text cues in the same clause as one of these phrases do not count: a condition about our own next step
    /// ("…, hvis vi får brug for flere oplysninger") leaves the rest of the sentence ("Oplys os venligst …") asking.
    /// </summary>
    public List<string>? IgnoreClausesWith { get; set; }

    /// <summary>Text cues in a sentence containing one of these phrases do not count ("Har du spørgsmål …").</summary>
    public List<string>? IgnoreSentencesWith { get; set; }
}
