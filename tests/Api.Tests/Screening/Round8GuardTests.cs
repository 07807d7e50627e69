using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Rules added after batch 8's first run (see blind-sets.md), on wordings not in the sets.</summary>
public class Round8GuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Må jeg få en kopi af den udtalelse, sygehuset sendte til jer?")]
    [InlineData("Jeg vil gerne læse det, neurologen skrev om mig.")]
    [InlineData("Kan jeg se det min læge skrev?")]
    public void ADocumentDescribedByWhoWroteOrSentItIsAnAccessRequest(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Vedlagt en kopi af det brev, jeg sendte til lægen.")]
    [InlineData("Jeg har ikke set det lægen skrev, og det behøver jeg heller ikke.")]
    public void OwnSentPapersOrDecliningToSeeThemIsNoAccessRequest(string text) =>
        Assert.False(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Sv: Afgørelse", "Jeg har aldrig kørt påvirket. I må trække den tilbage.")]
    [InlineData("Sv: Afgørelse", "Sørg nu for, at I retter jeres fejltagelse hurtigst muligt.")]
    public void DemandsToWithdrawOrCorrectADecisionAreComplaints(string subject, string text) =>
        Assert.True(Screen(text, subject).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg overvejede at klage, men jeg lader det være.")]
    [InlineData("Jeg ville egentlig klage, men har valgt at lade være.")]
    public void AComplaintGivenUpIsNoComplaint(string text) =>
        Assert.False(Screen(text).Has(FlagKind.Complaint));

    [Fact]
    public void ALawFirmsPracticeAreasInTheSignatureRaiseNothing()
    {
        var result = Screen("Hermed lægeerklæringen.\n\nMed venlig hilsen\nAdvokatselskabet Berg\nKlagesager og aktindsigtssager · Forvaltningsret");
        Assert.Empty(result.Flags);
    }
}
