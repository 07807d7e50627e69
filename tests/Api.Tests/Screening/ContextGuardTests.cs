using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>Context rules added after the first run of blind-replies-3 (see blind-sets.md).</summary>
public class ContextGuardTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Fact]
    public void NegationBeforeAQuestionClauseStillNegates()
    {
        var result = Screen("Jeg ønsker ikke at klage, men kan jeg få lov at se lægens udtalelse?");
        Assert.False(result.Has(FlagKind.Complaint));
        Assert.True(result.Has(FlagKind.AccessToRecordsRequest));
    }

    [Fact]
    public void NegatedPoliteQuestionIsStillARequest() =>
        Assert.True(Screen("Vil I ikke godt se på sagen igen?").Has(FlagKind.Complaint));

    [Fact]
    public void ReconsiderationWordingIsNotAnAccessRequest() =>
        Assert.False(Screen("Vil I ikke godt se på sagen igen?").Has(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void SubjectSayingAktindsigtWasReceivedIsNotARequest() =>
        Assert.Empty(Screen("Tak, jeg har ingen spørgsmål.", "Aktindsigt modtaget").Flags);

    [Fact]
    public void SubjectAskingAQuestionAboutAktindsigtIsNotARequest() =>
        Assert.Empty(Screen("Koster det noget?", "Spørgsmål til aktindsigt").Flags);

    [Fact]
    public void StatusQuestionAboutAnEarlierAktindsigtRequestIsNotANewRequest() =>
        Assert.Empty(Screen("Jeg bad om aktindsigt den 2. maj. Hvornår får jeg den?").Flags);

    [Fact]
    public void ReminderThatRepeatsTheAktindsigtRequestIsFlagged() =>
        Assert.True(Screen("Jeg bad om aktindsigt i telefonen. Jeg vil gerne have aktindsigten sendt. Hvornår kommer den?")
            .Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Jeg har brug for at se de oplysninger, I har fået fra sygehuset.")]
    [InlineData("Kunne I maile mig notatet fra telefonsamtalen?")]
    [InlineData("Må jeg se politiets rapport?")]
    [InlineData("Jeg klager. Min begrundelse kommer, når jeg har fået aktindsigt, som jeg hermed beder om.")]
    public void AccessVerbInRequestFormNearCaseMaterialIsFlagged(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Vedhæftet sender jeg kopi af lægeerklæringen.")]
    [InlineData("Kan I sende mig en ny blanket til lægeerklæringen?")]
    [InlineData("Jeg ønsker ikke at se dokumenterne.")]
    public void SendingOrFormOrNegatedAccessIsNotFlagged(string text) =>
        Assert.Empty(Screen(text).Flags.SelectMany(f => f.Evidence.Select(e => $"{f.Kind}:{e.Text}")));

    [Theory]
    [InlineData("Jeg har klaget til kommunen over en parkeringsafgift.")]
    [InlineData("Jeg har klaget over lægen til Styrelsen for Patientsikkerhed.")]
    public void ComplaintToAnotherBodyIsNotFlagged(string text) => Assert.False(Screen(text).Has(FlagKind.Complaint));

    [Fact]
    public void TakeTheDecisionBackIsAComplaint() => Assert.True(Screen("tag den afgørelse tilbage").Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg anmoder om, at jeg får en frist på 14 dage.")]
    [InlineData("Jeg har brug for 2 ugers forlængelse.")]
    public void ExtensionWordingIsFlagged(string text) => Assert.True(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Fact]
    public void ExclusionWindowOutOfRangeIsRejectedAtLoad()
    {
        var json = File.ReadAllText(LabelledReplies.LexiconPath).Replace("\"windowAfter\": 1", "\"windowAfter\": 99");
        var error = Assert.Throws<InvalidOperationException>(() => ScreeningLexicon.Parse(json));
        Assert.Contains("windows must be 0 to 20", error.Message);
    }
}
