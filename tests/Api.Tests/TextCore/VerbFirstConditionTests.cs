using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.TextCore;

/// <summary>
/// The clause shape "verb first, comma, inverted main clause" read as a condition (<see cref="VerbFirstCondition"/>),
/// and through a concept's "#verbFirstClause" lemma found where "hvis" would stand.
/// </summary>
public class VerbFirstConditionTests
{
    private static readonly ConceptSet Concepts = Build(new()
    {
        ["condition"] = ["hvis", ConceptSet.VerbFirstClauseMarker],
        ["complaint"] = ["klage"],
    });

    private static ConceptSet Build(Dictionary<string, List<string>> concepts)
    {
        var errors = new List<string>();
        var set = ConceptSet.Build(concepts, ["men"], errors);
        Assert.Empty(errors);
        return set;
    }

    /// <summary>The text of each condition clause's first word.</summary>
    private static List<string> Starts(string text)
    {
        using var document = Concepts.Analyzer.Analyze(text);
        var starts = new List<int>();
        VerbFirstCondition.Find(document, starts);
        return starts.Select(i => document.Excerpt(i, i)).ToList();
    }

    [Theory]
    [InlineData("Tager I kortet fra mig, klager jeg.", "Tager")]
    [InlineData("Får jeg ikke medhold, går jeg videre med sagen.", "Får")]
    [InlineData("Skulle I give afslag, vil jeg klage.", "Skulle")]
    [InlineData("Bliver afgørelsen stående, så klager jeg til Ankestyrelsen.", "Bliver")]
    [InlineData("Stadfæstes afgørelsen, går jeg videre.", "Stadfæstes")]
    [InlineData("Hej Peter, inddrager I mit kørekort, går jeg til advokat.", "inddrager")]
    [InlineData("Men fastholder I den, må I regne med en klage.", "fastholder")]
    [InlineData("Giver I mig ikke medhold, går sagen videre til min advokat.", "Giver")]
    public void AVerbFirstClauseBeforeAnInvertedMainClauseIsACondition(string text, string first) =>
        Assert.Equal([first], Starts(text));

    // Words are compared folded (lower case, æ/ø/å as ae/oe/aa, accents dropped, no hyphens): in capitals, with an
    // accent the in-place folding leaves to the string path, and with a hyphen, the clause reads the same.
    [Theory]
    [InlineData("TAGER I KORTET FRA MIG, KLAGER JEG.", "TAGER")]
    [InlineData("FÅR JEG IKKE MEDHOLD, GÅR JEG VIDERE.", "FÅR")]
    [InlineData("Tagér I kortet fra mig, klager jeg.", "Tagér")]
    [InlineData("Gen-optager I sagen, klager jeg.", "Gen-optager")]
    [InlineData("HEJ PETER, INDDRAGER I MIT KØREKORT, GÅR JEG TIL ADVOKAT.", "INDDRAGER")]
    public void TheClauseIsReadOnFoldedWords(string text, string first) =>
        Assert.Equal([first], Starts(text));

    [Theory]
    [InlineData("KAN I SENDE MIG AKTERNE, SÅ JEG KAN SVARE.")]
    [InlineData("FØR JEG SVARER, BEDER JEG OM AKTINDSIGT.")]
    [InlineData("Gen-optag sagen, så kan jeg svare.")]
    public void FoldedRequestsAndSubordinatorsAreNot(string text) => Assert.Empty(Starts(text));

    [Theory]
    [InlineData("Kan I sende mig akterne i sagen?")]
    [InlineData("Kan I sende mig kopi af lægens notat, så jeg kan svare?")]
    [InlineData("Får jeg en udsættelse, hvis jeg sender attesten senere, kan jeg så nå det?")]
    [InlineData("Kan I give mig en uge mere, vil jeg være meget taknemmelig.")]
    [InlineData("kan jeg beholde kortet en uge mere jeg skal til hospitalet, så afleverer jeg det")]
    [InlineData("Send mig akterne, så kan jeg svare.")]
    [InlineData("Forlæng fristen, så kan jeg nå det.")]
    [InlineData("Jeg klager over afgørelsen, fordi I tog kortet.")]
    [InlineData("Afgørelsen er forkert, derfor klager jeg.")]
    [InlineData("Før jeg svarer, beder jeg om aktindsigt.")]
    [InlineData("Når I nu er i gang, så vil jeg også gerne have aktindsigt.")]
    [InlineData("Tager I kortet fra mig og klager jeg.")]
    [InlineData("Tager I kortet fra mig, jeg klager.")]
    [InlineData("Tak for brevet, jeg vil klage.")]
    public void QuestionsRequestsAndOrdinarySentencesAreNot(string text) => Assert.Empty(Starts(text));

    [Fact]
    public void QuotedTextOpensNoCondition() =>
        Assert.Empty(Starts("Tak.\n\n-----Oprindelig meddelelse-----\nTager I kortet fra mig, klager jeg."));

    [Fact]
    public void TheConceptIsFoundAtTheClauseStartAsHvisWouldBe()
    {
        using var document = Concepts.Analyzer.Analyze("Tak for brevet. Tager I kortet fra mig, klager jeg. Hvis I tager det, klager jeg.");
        var hits = Concepts.Find(document).Select(h => $"{Concepts.Names[h.Concept]}:{document.Excerpt(h.First, h.Last)}").ToList();
        Assert.Equal(["condition:Tager", "complaint:klager", "condition:Hvis", "complaint:klager"], hits);
    }

    [Fact]
    public void AConceptSetWithoutTheMarkerFindsNoClause()
    {
        var plain = Build(new() { ["condition"] = ["hvis"] });
        using var document = plain.Analyzer.Analyze("Tager I kortet fra mig, klager jeg.");
        Assert.Empty(plain.Find(document));
    }
    private static readonly ConceptSet StandingDuty = Build(new()
    {
        ["conditionalNotice"] = [ConceptSet.VerbFirstClauseMarker + " ..3 give os besked"],
    });

    private static List<string> StandingDutyHits(string text)
    {
        using var document = StandingDuty.Analyzer.Analyze(text);
        return StandingDuty.Find(document).Select(h => document.Excerpt(h.First, h.Last)).ToList();
    }

    [Theory]
    [InlineData("Flytter du, skal du give os besked.", "Flytter du, skal du give os besked")]
    [InlineData("Får du et nyt job, skal du give os besked.", "Får du et nyt job, skal du give os besked")]
    [InlineData("Skifter du til kontaktlinser eller bliver du opereret for grå stær, skal du straks give os besked.",
        "Skifter du til kontaktlinser eller bliver du opereret for grå stær, skal du straks give os besked")]
    public void ALemmaOpenedByTheClauseGoesOnInTheMainClauseHoweverLongTheCondition(string text, string hit) =>
        Assert.Equal([hit], StandingDutyHits(text));

    [Theory]
    [InlineData("Du skal give os besked, når du flytter.")]
    [InlineData("Hvis du flytter, skal du give os besked.")]
    [InlineData("Flytter du, skal du huske at søge om et nyt kort og derefter give os besked.")]
    [InlineData("Kan du give os besked, vil vi gerne høre fra dig.")]
    [InlineData("Flytter du til Aarhus? Så skal du give os besked.")]
    public void WithoutAVerbFirstConditionOrWithTheWordsOutOfReachTheLemmaIsNotFound(string text) =>
        Assert.Empty(StandingDutyHits(text));

    [Fact]
    public void TheMarkerCanOnlyOpenALemma()
    {
        var errors = new List<string>();
        ConceptSet.Build(new Dictionary<string, List<string>> { ["late"] = ["give os " + ConceptSet.VerbFirstClauseMarker], ["notice"] = ["give os besked"] }, [], errors);
        Assert.Contains(errors, e => e.Contains("can only open a lemma", StringComparison.Ordinal));
    }
}
