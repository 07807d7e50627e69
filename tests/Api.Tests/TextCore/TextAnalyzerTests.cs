using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.TextCore;

public class TextAnalyzerTests
{
    private static readonly ConceptFinder Concepts = new(new()
    {
        ["access"] = ["aktindsigt"],
        ["request"] = ["anmodning"],
        ["decision"] = ["afgørelse"],
        ["postpone"] = ["udsættelse", "skubbe ..2 frist"],
        ["earlier"] = ["=tidligere"],
        ["time"] = ["tid"],
        ["examiner"] = ["bedømmer"],
        ["paper"] = ["papir"],
        ["deadline"] = ["frist"],
        ["fine"] = ["acceptabel"],
        ["call"] = ["ringe"],
        ["complain"] = ["klage", "complain"],
        ["extend"] = ["forlænge"],
    });

    [Fact]
    public void InflectionsAndBothSpellingsOfÆøåMeet() =>
        Assert.Equal(["decision:afgørelsen", "decision:Afgoerelser"], Concepts.Found("afgørelsen og Afgoerelser"));

    [Fact]
    public void ACompoundYieldsItsKnownParts() =>
        Assert.Equal(["access:aktindsigtsanmodningen", "request:aktindsigtsanmodningen"], Concepts.Found("aktindsigtsanmodningen"));

    [Theory]
    [InlineData("klagefristen", "complain:klagefristen", "deadline:klagefristen")]
    [InlineData("fristforlængelse", "deadline:fristforlængelse", "extend:fristforlængelse")]
    [InlineData("fristforlængeles", "deadline:fristforlængeles", "extend:fristforlængeles")]
    [InlineData("ringetiden", "call:ringetiden")]
    [InlineData("complained", "complain:complained")]
    public void ACompoundIsSplitWhereItsPiecesAreWords(string word, params string[] found) =>
        Assert.Equal(found, Concepts.Found(word));

    [Theory]
    [InlineData("forsikringspolice")] // "forsik" is no word: "ring" is only letters inside "forsikring"
    [InlineData("udstationering")]
    [InlineData("bekymring")]
    [InlineData("medbringer")]
    public void ALemmaInsideAWordWhoseRestIsNoWordIsNoCompoundPart(string word) =>
        Assert.DoesNotContain(Concepts.Found(word), f => f.StartsWith("call:"));

    [Theory]
    [InlineData("agtindsigt")]
    [InlineData("aktindsit")]
    [InlineData("akt-indsigt")]
    [InlineData("udsætelse")]
    public void MisspellingsWithinTheToleranceFindTheirLemma(string word) => Assert.Single(Concepts.Found(word));

    [Fact]
    public void ARealDanishWordWithinReachOfALemmaIsThatWordAndNotAMisspelling()
    {
        // "bestemmer" is two edits from "bedømmer" (9 letters), but the Danish dictionary knows it.
        Assert.DoesNotContain(Concepts.Found("Det er ham, der bestemmer"), f => f.StartsWith("examiner:"));
        Assert.Contains("examiner:bedømmeren", Concepts.Found("Det var bedømmeren"));
    }

    [Fact]
    public void ARealWordWhoseDictionaryFormIsTheLemmaStillReachesIt() =>
        // The stemmer leaves "acceptabelt" apart from "acceptabel"; the dictionary knows it is the same word.
        Assert.Contains("fine:acceptabelt", Concepts.Found("Det er ikke acceptabelt"));

    [Theory]
    [InlineData("papier")]
    [InlineData("papirrer")]
    public void AWordNoDictionaryKnowsMayBeOneEditFromAFiveLetterLemma(string word) =>
        Assert.Contains($"paper:{word}", Concepts.Found($"send mig det {word}"));

    [Fact]
    public void AFiveLetterLemmaIsReachedByAnUnknownWordButNotByARealWordOneEditAway()
    {
        Assert.Contains("deadline:frsit", Concepts.Found("kan jeg få en længere frsit"));
        Assert.DoesNotContain(Concepts.Found("jeg er frisk igen"), f => f.StartsWith("deadline:"));
    }

    [Theory]
    [InlineData("tidligere")]
    [InlineData("aktiv")]
    public void ShortOrClaimedWordsDoNotReachOtherLemmas(string word) =>
        Assert.DoesNotContain(Concepts.Found(word), f => f.StartsWith("time:") || f.StartsWith("access:"));

    [Fact]
    public void AGapLemmaAllowsWordsInBetween() => Assert.Contains("postpone:skubbe lidt på fristen", Concepts.Found("Kan I skubbe lidt på fristen?"));

    [Fact]
    public void SentencesEndAtCapitalsButNotAtAbbreviationsDatesOrTimes()
    {
        var document = Concepts.Analyzer.Analyze("Jeg kommer f.eks. den 12. september kl. 9.30 til mødet. Hvad så?\n\nMvh Bo");
        Assert.Equal(3, document.Sentences.Count);
        Assert.True(document.Sentences[1].IsQuestion);
    }

    [Fact]
    public void AFullStopAfterAWordEndsALowerCaseSentenceButNotAnAbbreviation()
    {
        var document = Concepts.Analyzer.Analyze("jeg har fået et job fra næste uge. kan jeg vente ca. en uge, evt. to? bor på 2. th. nu");
        Assert.Equal(3, document.Sentences.Count);
        Assert.False(document.Sentences[0].IsQuestion);
        Assert.True(document.Sentences[1].IsQuestion);
    }

    [Fact]
    public void ClauseWordsAndCommasStartClauses()
    {
        var document = Concepts.Analyzer.Analyze("Jeg vil ikke klage men jeg vil se akterne, tak");
        Assert.Equal(3, document.Clauses.Count);
    }

    [Fact]
    public void AClauseWordOpensAClauseOnlyAsWrittenNotEveryWordWithItsStem()
    {
        // "mener" stems to "men"; read as "but" it cut "hvad I mener med 'aktindsigt'" in two.
        Assert.Single(Concepts.Analyzer.Analyze("Jeg ved ikke hvad I mener med aktindsigt").Clauses);
        Assert.Equal(2, Concepts.Analyzer.Analyze("Jeg mener det Men jeg vil se akterne").Clauses.Count);
    }

    [Fact]
    public void QuotedTextIsMaskedAndOffsetsStayThoseOfTheOriginal()
    {
        const string text = "Tak.\n\nDen 3. maj 2025 skrev Færdselsstyrelsen:\n> aktindsigt";
        var document = Concepts.Analyzer.Analyze(text);
        Assert.Empty(Concepts.Found(text));
        var last = document.Tokens[^1];
        Assert.True(last.Quoted);
        Assert.Equal("aktindsigt", text.Substring(last.Start, last.Length));
        Assert.Equal("Tak.", document.OwnText());
    }

    [Fact]
    public void OneAnalyzerServesParallelCallers()
    {
        var results = Enumerable.Range(0, 200).AsParallel().Select(i => Concepts.Found($"Jeg vil gerne have aktindsigt nr. {i}.").Count).ToList();
        Assert.All(results, count => Assert.Equal(1, count));
    }
}
