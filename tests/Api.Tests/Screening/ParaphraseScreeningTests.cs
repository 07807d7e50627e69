using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// Paraphrases that only mean a request near what they are about (the lexicon's "near" anchors), and the guards that
/// keep conditions, third parties and side remarks from raising a flag.
/// </summary>
public class ParaphraseScreeningTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Fact]
    public void ContestWithoutTheWordKlageIsAComplaintWhenTheSubjectNamesOurDecision()
    {
        Assert.True(Screen("Det kan ikke passe.", "Sv: Afgørelse om inddragelse").Has(FlagKind.Complaint));
        Assert.False(Screen("Det kan ikke passe.", "Vejret").Has(FlagKind.Complaint));
    }

    [Fact]
    public void ContestInTheSentenceAfterTheDecisionIsAComplaint()
    {
        Assert.True(Screen("Hvorfor skal jeg til prøve igen?? Det er for dumt.").Has(FlagKind.Complaint));
        Assert.False(Screen("Jeg kommer gerne til prøven. Vejret i går var for dumt. Hilsen Bo").Has(FlagKind.Complaint));
    }

    [Theory]
    [InlineData("Jeg synes ikke, at afgørelsen er forkert.")]
    [InlineData("Der er en fejl i mit navn i afgørelsen, det staves med to n'er.")]
    [InlineData("Jeg klager, hvis I ikke har svaret inden fredag.")]
    [InlineData("Min søn vil gerne klage over afgørelsen, men han skriver selv til jer.")]
    [InlineData("Skal en klage sendes til jer eller til Trafikstyrelsen?")]
    [InlineData("Jeg regner med at klage, når jeg har talt med min læge.")]
    public void NegatedConditionalThirdPartyOrSideRemarkIsNoComplaint(string text) =>
        Assert.False(Screen(text, "Sv: Afgørelse om inddragelse").Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg klager over afgørelsen, fordi jeg ikke var føreren.")]
    [InlineData("Min klient påklager afgørelsen.")]
    [InlineData("Kan I ikke bare droppe kravet om køreprøve?")]
    [InlineData("Tag venligst sagen op igen.")]
    [InlineData("Kig lige på sagen en gang til.")]
    public void ComplaintNextToAGuardWordIsStillFlagged(string text) => Assert.True(Screen(text).Has(FlagKind.Complaint));

    [Fact]
    public void TransferVerbNearCaseMaterialIsAnAccessRequest()
    {
        Assert.True(Screen("Hvad har min læge skrevet til jer? Jeg vil gerne have det tilsendt.").Has(FlagKind.AccessToRecordsRequest));
        Assert.False(Screen("Jeg vil gerne have det tilsendt.").Has(FlagKind.AccessToRecordsRequest));
        Assert.False(Screen("Jeg har sendt jer lægeerklæringen. Vedhæftet er kopi af den.").Has(FlagKind.AccessToRecordsRequest));
    }

    [Fact]
    public void ConditionInTheAccessClauseIsAQuestionButAPoliteConditionIsARequest()
    {
        Assert.False(Screen("Hvis jeg beder om aktindsigt, koster det så noget?").Has(FlagKind.AccessToRecordsRequest));
        Assert.True(Screen("Hvis det er muligt, vil jeg gerne have aktindsigt i sagen.").Has(FlagKind.AccessToRecordsRequest));
    }

    [Fact]
    public void ThanksForExtraTimeIsNoExtensionRequest() =>
        Assert.False(Screen("Tak for jeres hurtige svar og for den ekstra tid.").Has(FlagKind.DeadlineExtensionRequest));
}
