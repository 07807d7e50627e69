using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

public class ReplyScreenerTests
{
    private static readonly ReplyScreener Screener = LabelledReplies.CreateScreener();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, LabelledReplies.AnyContext);

    [Theory]
    [InlineData("Jeg beder om agtindsigt.")]
    [InlineData("Jeg beder om akt-indsigt.")]
    [InlineData("Jeg beder om aktinsigt.")]
    [InlineData("Jeg beder om aktindsight.")]
    [InlineData("Jeg beder om aktindsiggt i sagen.")]
    [InlineData("Jeg beder om aktindsigten.")]
    [InlineData("Jeg vil gerne se min sag.")]
    [InlineData("Send en kopi af alle papirer.")]
    [InlineData("Hvilke oplysninger har I om mig? Jeg vil have dem udleveret.")]
    public void ReplyWithMisspelledOrParaphrasedAktindsigtIsFlagged(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("jeg vil klæge over det")]
    [InlineData("Jeg påklager afgørelsen.")]
    [InlineData("Jeg gør indsigelse mod afgørelsen.")]
    [InlineData("Kan I omgøre afgørelsen?")]
    [InlineData("I want to appeal.")]
    [InlineData("I make apeal for the decision.")]
    [InlineData("Det er ikke ok. Drop det.")]
    public void ReplyWithComplaintWordingIsFlagged(string text) => Assert.True(Screen(text).Has(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg ønsker ikke at klage.")]
    [InlineData("Jeg har ingen klager.")]
    [InlineData("Hvis I ikke svarer, vil jeg klage.")]
    [InlineData("Hvad betyder aktindsigt?")]
    [InlineData("Jeg klagede over afgørelsen den 3. maj. Hvornår kan jeg forvente svar?")]
    [InlineData("Jeg har klaget til Forbrugerklagenævnet over min køreskole.")]
    [InlineData("Slet venligst de oplysninger, I har om mig.")]
    public void NegatedHypotheticalOrUnrelatedMentionIsNotFlagged(string text) => Assert.Empty(Screen(text).Flags);

    [Fact]
    public void QuotedLinesAndTextBelowSeparatorAreIgnored()
    {
        var result = Screen("Tak.\n> Du kan klage over afgørelsen.\n\n--- Oprindelig meddelelse ---\nJeg klager. Aktindsigt.");
        Assert.Empty(result.Flags);
        Assert.Equal("Tak.", result.OwnText);
    }

    [Fact]
    public void WrappedGmailAttributionStartsTheQuotedLetter()
    {
        var result = Screen("Tak, det er modtaget.\n\nDen tir. 3. jun. 2025 kl. 10.12 skrev Færdselsstyrelsen <\nnoreply@fstyr.dk>:\nDu kan klage over afgørelsen. Hvis du ønsker aktindsigt, så skriv.");
        Assert.Empty(result.Flags);
        Assert.Equal("Tak, det er modtaget.", result.OwnText);
    }

    [Fact]
    public void OutlookHeaderBlockStartsTheQuotedLetter()
    {
        var result = Screen("Modtaget.\n\nFra: Færdselsstyrelsen\nSendt: 3. juni 2025 09:00\nEmne: Afgørelse\n\nDu har ret til aktindsigt. Jeg klager.");
        Assert.Empty(result.Flags);
        Assert.Equal("Modtaget.", result.OwnText);
    }

    [Fact]
    public void SubjectEchoingOurLetterTitleIsNotScreenedButCitizensOwnSubjectIs()
    {
        Assert.Empty(Screen("Modtaget, tak.", "Sv: Afgørelse – klagevejledning").Flags);
        var flag = Assert.Single(Screen("Se emne.", "Klage").Flags);
        Assert.Equal(new Evidence("Klage", 0, 5, "subject"), Assert.Single(flag.Evidence));
    }

    [Fact]
    public void EvidenceOffsetsReferToTheOriginalTextAcrossHyphenatedLineBreaks()
    {
        const string text = "Hej\r\n\r\nJeg anmoder om akt-\r\nindsigt i sagen.";
        var evidence = Assert.Single(Assert.Single(Screen(text).Flags).Evidence);
        Assert.Equal("text", evidence.Field);
        Assert.Equal(text.Substring(evidence.Start, evidence.Length), evidence.Text);
        Assert.StartsWith("akt", evidence.Text);
    }

    [Fact]
    public void AskingForTimeToDecideWhetherToComplainIsAnExtensionNotAComplaint()
    {
        var result = Screen("Jeg har brug for mere tid til at overveje, om jeg vil klage.");
        Assert.Equal([FlagKind.DeadlineExtensionRequest], result.Flags.Select(f => f.Kind));
    }

    [Fact]
    public void GdprInsightRequestGetsTheGdprSubKind()
    {
        var flag = Assert.Single(Screen("Jeg beder om indsigt efter GDPR artikel 15 i de personoplysninger, I har om mig.").Flags);
        Assert.Equal(AccessSubKind.GdprArticle15, flag.SubKind);
    }

    [Fact]
    public void ShortWordsAreNotMatchedFuzzily()
    {
        // "plage" and "klase" are one edit from "klage"; short words must match exactly.
        Assert.Empty(Screen("Det er en plage med den klase af regler.").Flags);
    }

    [Fact]
    public void ReplyWithOnlyQuotedTextNeedsManualScreening()
    {
        var result = Screen("> Du kan klage over afgørelsen.");
        Assert.True(result.NeedsManualScreening);
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void SeveralRequestsInOneReplyGiveOneFlagEach()
    {
        var result = Screen("Jeg klager over afgørelsen, beder om aktindsigt og anmoder om fristforlængelse.");
        Assert.Equal([FlagKind.AccessToRecordsRequest, FlagKind.Complaint, FlagKind.DeadlineExtensionRequest], result.Flags.Select(f => f.Kind));
    }
}
