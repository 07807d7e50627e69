using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Rules added after batch 4's open cases and batch 5's first run (see blind-sets.md), on wordings not in the sets.</summary>
public class Round5GuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Jeg har hørt om en rapport fra politiet. Den vil jeg meget gerne se.")]
    [InlineData("I nævner en udtalelse fra sygehuset. Vil I sende den til mig?")]
    [InlineData("Jeg vil gerne vide, hvad I har fået fra kommunen om mig.")]
    [InlineData("kan jeg ha mine papirer sendt til min e-boks")]
    public void ReadOrSendMeANamedDocumentIsAnAccessRequest(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Min arbejdsgiver vil have en kopi af afgørelsen. Må jeg sende den videre?")]
    [InlineData("Er det muligt at få udsat fristen for lægeerklæringen?")]
    [InlineData("Jeg har sendt papirerne til jer i går.")]
    public void ThirdPartyCopyPostponementOrSentPapersIsNoAccessRequest(string text) =>
        Assert.False(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void SubjectIsOnlyTheTopicWhenTheTextAsksAboutCost() =>
        Assert.False(Screen("Hvor lang tid tager det at få aktindsigt?", "Aktindsigt").Has(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void SubjectAloneIsStillARequest() =>
        Assert.True(Screen("Se emne.", "Akt-indsigt i min sag").Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Hvem skal jeg klage til, hvis jeg en dag bliver uenig?")]
    [InlineData("Jeg ville gerne klage, men det gør jeg alligevel ikke.")]
    [InlineData("Jeg klagede for to år siden og fik medhold.")]
    [InlineData("Jeg har anket afgørelsen. Er anken sendt videre til Trafikstyrelsen?")]
    public void HowToComplainGivenUpPastOrStatusIsNoComplaint(string text) =>
        Assert.False(Screen(text).Has(FlagKind.Complaint));

    [Fact]
    public void AskingToHaveTheCaseAssessedAgainIsAComplaint() =>
        Assert.True(Screen("Jeg vil bede om at få min sag vurderet en gang til.").Has(FlagKind.Complaint));

    [Fact]
    public void SendingAtTheEndOfAPeriodIsAnExtensionRequest() =>
        Assert.True(Screen("Kan jeg sende erklæringen i slutningen af august?").Has(FlagKind.DeadlineExtensionRequest));
}
