using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// A clause scope's word governs the request it belongs to, not one whose clause merely holds it in an embedded
/// phrase (Api/Screening/Attachment.cs, docs/screening.md "Attachment"). First on a rules file of four concepts, so the
/// mechanism is pinned apart from the shipped wording; then on the shipped rules.
/// </summary>
public class AttachmentTests
{
    /// <summary>
    /// One request ("mere tid"), a clause scope that blocks it (a past verb in its clause), a sentence scope that blocks
    /// it (an erasure in its sentence), and the three phrase openers.
    /// </summary>
    private static ScreeningRules Toy(bool withPhraseWords = true)
    {
        var concepts = new Dictionary<string, List<string>>
        {
            ["moreTime"] = ["mere tid"],
            ["past"] = ["=fik|=fået"],
            ["erasure"] = ["slettet"],
        };
        if (withPhraseWords)
        {
            concepts["complement"] = ["at"];
            concepts["relative"] = ["som"];
            concepts["adverbial"] = ["efter at"];
        }
        var file = new ScreeningRulesFile
        {
            Version = 1,
            Concepts = concepts,
            Scopes = new() { ["pastAct"] = new ScopeSpec("past", "inClause"), ["erasure"] = new ScopeSpec("erasure", "inSentence") },
            Kinds = new()
            {
                [FlagKind.DeadlineExtensionRequest] = new KindSpec([new RuleSpec("more-time", Certainty.Certain, ["moreTime"], Block: ["pastAct", "erasure"])]),
            },
        };
        return ScreeningRules.Compile(file, "toy");
    }

    private static bool Found(ScreeningRules rules, string text)
    {
        using var document = rules.Concepts.Analyzer.Analyze(text);
        var candidates = RuleMatcher.Match(rules, document);
        Assert.NotEmpty(candidates); // the request's words were read; the question is only whether a scope blocked them
        return candidates.Any(c => !c.Blocked);
    }

    [Fact]
    public void APastVerbOfTheRequestsOwnClauseStillBlocksIt() => Assert.False(Found(Toy(), "Jeg fik mere tid i maj."));

    [Fact]
    public void APastVerbInAnAdverbialPhraseAfterTheRequestIsAboutThatPhrase() =>
        Assert.True(Found(Toy(), "Jeg ønsker mere tid efter at jeg fik svaret fra lægen."));

    [Fact]
    public void ARelativePhraseRightAfterTheRequestIsAboutTheRequest() =>
        // "som" opens the request's own complement: the time it asks for is time it already got.
        Assert.False(Found(Toy(), "Jeg ønsker mere tid som jeg fik sidst."));

    [Fact]
    public void ASentenceScopeInARelativePhraseDescribesItsNounNotTheRequest() =>
        Assert.True(Found(Toy(), "Jeg ønsker mere tid til sagen om bøden, som er slettet."));

    [Fact]
    public void ASentenceScopeInAComplementIsWhatTheSentenceIsAbout() =>
        // "at få den slettet" is what the writer wants: the sentence is about an erasure.
        Assert.False(Found(Toy(), "Jeg ønsker mere tid, og at få den slettet."));

    [Fact]
    public void WithoutThePhraseWordsInTheRulesFileTheClauseScopeBlocksAsBefore() =>
        Assert.False(Found(Toy(withPhraseWords: false), "Jeg ønsker mere tid efter at jeg fik svaret fra lægen."));

    private static ScreeningResult Screen(string text) => TestScreener.ScreenByRules(text);

    [Fact]
    public void ASecondRequestIsFoundWhenAWordOfItsClauseBelongsToAnEmbeddedPhrase()
    {
        // The aktindsigt comes first; the extension's clause ends in "efter at jeg har modtaget den", a past verb that
        // used to block the extension as a past act.
        var result = Screen("Send mig venligst politiets rapport, og giv mig så tre uger efter at jeg har modtaget den til at svare.");
        Assert.True(result.HasCertain(FlagKind.DeadlineExtensionRequest));
        Assert.Contains(result.Flags, f => f.Kind == FlagKind.AccessToRecordsRequest);
    }

    [Fact]
    public void AWaivedFirstRequestStaysSilentAndTheSecondIsFound()
    {
        var result = Screen("Aktindsigt har jeg ikke brug for, men giv mig tre uger mere efter at jeg har modtaget svaret fra lægen.");
        Assert.DoesNotContain(result.Flags, f => f.Kind == FlagKind.AccessToRecordsRequest);
        Assert.True(result.HasCertain(FlagKind.DeadlineExtensionRequest));
    }

    [Fact]
    public void AnEarlierPersonInAPurposePhraseIsNoEarlierDate() =>
        Assert.True(Screen("Jeg beder om at fristen forlænges med en måned så jeg kan nå at få en udtalelse fra min tidligere læge.")
            .HasCertain(FlagKind.DeadlineExtensionRequest));

    [Fact]
    public void TheScopesOfTheRequestsOwnWordsStillSilenceIt()
    {
        Assert.DoesNotContain(Screen("Jeg vil gerne have fristen rykket frem.").Flags, f => f.Kind == FlagKind.DeadlineExtensionRequest);
        Assert.DoesNotContain(Screen("Jeg har fået tre ugers udsættelse.").Flags, f => f.Kind == FlagKind.DeadlineExtensionRequest);
    }
}
