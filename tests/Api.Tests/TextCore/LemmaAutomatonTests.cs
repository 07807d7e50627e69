using SmartPost.Api.Text;

namespace SmartPost.Api.Tests.TextCore;

/// <summary>
/// The concept scan walks the lemmas as one automaton (lemmas that begin alike share their first steps); it must find
/// exactly what trying each lemma alone finds: every step at its first filling word, hits in rule order, a concept
/// found twice over the same words once. benchmarks/identity/engine-identity.sh holds it to the corpora byte for byte.
/// </summary>
public class LemmaAutomatonTests
{
    private static readonly ConceptFinder Concepts = new(new()
    {
        ["longest"] = ["vi har sendt brevet"],
        ["sent"] = ["vi har sendt", "vi ..1 har sendt"],
        ["sentLater"] = ["vi ..2 sendt"],
        ["we"] = ["vi"],
        ["copyNow"] = ["send ..2 kopi nu"],
    });

    [Fact]
    public void LemmasSharingTheirFirstWordsAreFoundInRuleOrder() =>
        Assert.Equal(["longest:vi har sendt brevet", "sent:vi har sendt", "sentLater:vi har sendt", "we:vi"], Concepts.Found("vi har sendt brevet"));

    [Fact]
    public void ASharedStepWithAnotherGapIsItsOwnWay() =>
        Assert.Equal(["sentLater:vi har nu sendt", "we:vi"], Concepts.Found("vi har nu sendt"));

    [Fact]
    public void AConceptFoundTwiceOverTheSameWordsCountsOnce() =>
        Assert.Single(Concepts.Found("vi har sendt"), f => f.StartsWith("sent:"));

    [Fact]
    public void AStepTakesItsFirstFillingWordAndDoesNotLookFurther() =>
        // "kopi" is taken at its first place; "nu" must follow it there, so the later "kopi nu" is not reached.
        Assert.DoesNotContain(Concepts.Found("send kopi og kopi nu"), f => f.StartsWith("copyNow:"));

    [Fact]
    public void AStepWithinItsGapIsFound() => Assert.Contains("copyNow:send mig en kopi nu", Concepts.Found("send mig en kopi nu"));

    [Fact]
    public void LaterWordsAreLookedForInTheSameSentenceOnly() =>
        Assert.Equal(["we:Vi"], Concepts.Found("Vi har. Sendt brevet"));

    [Fact]
    public void QuotedWordsAreNeverALemmasLaterWords() =>
        Assert.Equal(["we:vi"], Concepts.Found("vi har\n> sendt brevet"));
}
