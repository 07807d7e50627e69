using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Rules changed after batch 10's first run (see blind-sets.md), on wordings not in the sets.</summary>
public class Round10GuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Det er urimeligt, at man skal vente så længe på et svar fra jer.")]
    [InlineData("Hvorfor skal jeg vente så længe på mit kørekort?")]
    public void ComplainingAboutTheWaitIsNoExtensionRequest(string text) =>
        Assert.False(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("Lægen har først tid den 3. Vil I vente så længe?")]
    [InlineData("Må jeg få frist til fredag den 14.?")]
    [InlineData("Kan I give os frist indtil udgangen af måneden?")]
    public void AskingForAGivenDateOrForUsToWaitIsAnExtensionRequest(string text) =>
        Assert.True(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("Der er ingen grund til bekymring, lægeerklæringen er på vej.", "Sv: Anmodning om lægeerklæring")]
    [InlineData("Jeg ved godt, at jeg har ret til at klage, men jeg gider ikke.", null)]
    [InlineData("Kan jeg sende klagen med almindelig post i stedet?", null)]
    public void DecliningANeedOrAskingHowToSendIsNoComplaint(string text, string? subject) =>
        Assert.False(Screen(text, subject).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Afgørelsen er uden grund, den skal laves om.")]
    [InlineData("Der er ingen grund til at jeg skal op til prøve igen. Jeg klager over afgørelsen.")]
    [InlineData("Jeg sender hermed min klage over afgørelsen om inddragelse.")]
    public void AContestOrAComplaintSentNowIsStillAComplaint(string text) =>
        Assert.True(Screen(text).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Skal jeg uploade en kopi af mit sygesikringskort?", null)]
    [InlineData("Her er kopien.", "Kopi af pas")]
    public void OfferingACopyOfOwnIdIsNoAccessRequest(string text, string? subject) =>
        Assert.False(Screen(text, subject).Has(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void AskingForACopyOfTheDoctorsStatementIsStillAnAccessRequest() =>
        Assert.True(Screen("Kan jeg få en kopi af lægeerklæringen, som I har fået?").Has(FlagKind.AccessToRecordsRequest));
}
