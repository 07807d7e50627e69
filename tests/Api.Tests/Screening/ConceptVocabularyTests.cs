using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// The concepts' vocabulary completed from the language (docs/screening.md "Concept vocabulary from the language"):
/// requests worded with words the concepts did not list are found, and the same words under a scope that keeps a
/// request off (someone else's matter, another body, a waiver, a withdrawal) still are not. The texts are written
/// from Danish usage and its neighbours, not taken from a writer's replies. Rules alone, as the rules file decides.
/// </summary>
public class ConceptVocabularyTests
{
    private static ScreeningResult Screen(string text) => TestScreener.ScreenByRules(text);

    private static bool Flags(string text, FlagKind kind) => Screen(text).Flags.Any(f => f.Kind == kind);

    [Theory]
    // An evaluative word for the decision with an ask, and escalation in plain words.
    [InlineData("Afgørelsen om at inddrage mit kørekort er kritisabel, og jeg beder jer om at tage sagen videre.")]
    [InlineData("Jeg finder kravet om en ny køreprøve uforholdsmæssigt og beder jer revidere afgørelsen.")]
    // Asking to be spared a requirement.
    [InlineData("Kan I ikke nøjes med en lægeerklæring i stedet for kravet om en ny køreprøve?")]
    public void AComplaintInTheLanguagesOwnWordsIsCertain(string text) =>
        Assert.True(Screen(text).HasCertain(FlagKind.Complaint));

    [Theory]
    [InlineData("Kan I skyde fristen for lægeerklæringen tre uger?")]
    [InlineData("Jag ansöker om uppskov med att lämna in läkarintyget.")]
    [InlineData("Proszę o przedłużenie terminu.")]
    public void MoreTimeInAnIdiomOrANeighbouringLanguageIsCertain(string text) =>
        Assert.True(Screen(text).HasCertain(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("Jeg vil gerne have innsyn i saken min.")]
    [InlineData("Jeg beder om en genpart af lægekonsulentens notat.")]
    public void AccessInANeighbouringLanguageOrAFormalWordIsCertain(string text) =>
        Assert.True(Screen(text).HasCertain(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void EscalationAskedOfAnotherBodyIsNoComplaintToUs() =>
        Assert.False(Flags("Jeg vil bede Højesteret om at tage sagen videre.", FlagKind.Complaint));

    [Fact]
    public void ARelativesEscalationIsNoComplaintOfTheWriter() =>
        Assert.False(Flags("Min svigersøn synes, at afgørelsen om hans kørekort er kritisabel, og han vil tage sagen videre.", FlagKind.Complaint));

    [Fact]
    public void AComplaintDroppedIsNoComplaint() =>
        Assert.False(Flags("Jeg dropper klagen over afgørelsen.", FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg behøver ikke at få tilsendt sagsfremstillingen, den har jeg.")]
    [InlineData("Jeg kan undvære genparten af notatet.")]
    public void AWaivedDocumentIsNoAccessRequest(string text) =>
        Assert.False(Flags(text, FlagKind.AccessToRecordsRequest));

    [Fact]
    public void ARelativesAccessIsOnlyPossible()
    {
        var result = Screen("Min hustru vil gerne have innsyn i sin sag.");
        Assert.Contains(result.Flags, f => f.Kind == FlagKind.AccessToRecordsRequest);
        Assert.False(result.HasCertain(FlagKind.AccessToRecordsRequest));
    }

    [Fact]
    public void AnotherBodysPastPostponementIsNoRequest() =>
        Assert.False(Flags("Sagen er sendt til fogedretten, som har fået fristen skudt en måned.", FlagKind.DeadlineExtensionRequest));

    [Fact]
    public void VentingWordsWhileComplyingStayOutOfTheVocabulary() =>
        // "pjat", "sludder" and "overdrevet" were tried and left out: on the corpus they are venting while complying.
        Assert.False(Flags("Det er noget pjat det her, men her er lægeerklæringen så.", FlagKind.Complaint));
}
