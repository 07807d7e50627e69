using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// The rules a caseworker would reason about, one named case each. How well the rules generalise is measured on the
/// labelled corpus (<see cref="CorpusEvaluationTests"/>), not here.
/// </summary>
public class ReplyScreenerTests
{
    private static readonly ReplyScreener Screener = TestScreener.Create();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, TestScreener.AnyContext);

    [Fact]
    public void AWaiverIsNotARequest() => Assert.Empty(Screen("Jeg har ikke brug for aktindsigt, tak.").Flags);

    [Theory]
    [InlineData("Jeg vil gerne have agtindsigt i min sag.")]
    [InlineData("Jeg beder om aktindsit i sagen.")]
    [InlineData("Jeg anmoder om akt-indsigt.")]
    public void MisspelledAktindsigtIsFlaggedCertain(string text) => Assert.True(Screen(text).HasCertain(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Send mig det, politiet har skrevet om mig.")]
    [InlineData("Jeg vil gerne læse referatet af mødet.")]
    [InlineData("Hvad står der om mig i jeres papirer?")]
    public void ARequestToSeeOwnMaterialWithoutTheWordAktindsigtIsFlagged(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Kan I skubbe fristen en uge?")]
    [InlineData("Kan vi vente med sagen til efter ferien?")]
    [InlineData("Kan jeg få udsætelse af fristen?")]
    public void IdiomsAndMisspellingsForMoreTimeAreExtensionRequests(string text) =>
        Assert.True(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("Jeg er ikke tilfreds og vil have en højere instans til at se på det.")]
    [InlineData("Det accepterer jeg ikke. Lav det om.")]
    [InlineData("I want to appeal the decision.")]
    public void DissatisfactionWithEscalationIsAComplaint(string text) => Assert.True(Screen(text).HasCertain(FlagKind.Complaint));

    [Fact]
    public void AThirdPersonsComplaintIsNotACertainComplaint() =>
        Assert.False(Screen("Min søn vil gerne klage over afgørelsen, men han skriver selv til jer.").HasCertain(FlagKind.Complaint));

    [Fact]
    public void AQuestionAboutWhatAWordMeansIsNotARequest() => Assert.Empty(Screen("Hvad betyder aktindsigt?").Flags);

    [Fact]
    public void AComplaintToAnotherAuthorityIsNotFlagged() => Assert.Empty(Screen("Jeg har klaget til Ombudsmanden over politiet.").Flags);

    [Fact]
    public void AQuotedLetterNeverFlags()
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
    public void ReplyWithOnlyQuotedTextNeedsManualScreening()
    {
        var result = Screen("> Du kan klage over afgørelsen.");
        Assert.True(result.NeedsManualScreening);
        Assert.Empty(result.Flags);
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
        var flag = Assert.Single(Screen(text).Flags);
        Assert.All(flag.Evidence, e => Assert.Equal(text.Substring(e.Start, e.Length), e.Text));
        Assert.Contains(flag.Evidence, e => e.Text.StartsWith("akt", StringComparison.Ordinal));
    }

    [Fact]
    public void GdprInsightRequestGetsTheGdprSubKind()
    {
        var flag = Assert.Single(Screen("Jeg beder om indsigt efter GDPR artikel 15 i de personoplysninger, I har om mig.").Flags);
        Assert.Equal(AccessSubKind.GdprArticle15, flag.SubKind);
    }

    [Fact]
    public void SeveralRequestsInOneReplyGiveOneFlagEach()
    {
        var result = Screen("Jeg klager over afgørelsen, beder om aktindsigt og anmoder om fristforlængelse.");
        Assert.Equal([FlagKind.AccessToRecordsRequest, FlagKind.Complaint, FlagKind.DeadlineExtensionRequest], result.Flags.Select(f => f.Kind));
        Assert.All(result.Flags, f => Assert.Equal(Certainty.Certain, f.Certainty));
    }

    [Fact]
    public void ALawyersSignatureListingAktindsigtAndKlageIsNoRequest()
    {
        var result = Screen("Vi bekræfter modtagelsen af jeres brev og vender tilbage inden fristen.\n\nMed venlig hilsen\n" +
                            "Advokat Birgitte Holt\nSpecialer: Forvaltningsret | Klage- og ankesager | Aktindsigt\nTlf. 70 00 00 00");
        Assert.Empty(result.Flags);
    }

    [Fact]
    public void APostScriptAfterTheSignatureIsTheWritersOwnWords()
    {
        var result = Screen("Tak for brevet.\n\nMvh\nPer Hansen\n\nPS: Jeg vil gerne have aktindsigt i min sag.");
        Assert.Equal((FlagKind.AccessToRecordsRequest, Certainty.Certain), (result.Flags.Single().Kind, result.Flags.Single().Certainty));
    }

    [Fact]
    public void APossibleFindingHasADanishReasonAndItsDueDates()
    {
        var flag = Assert.Single(Screen("Jeg har brug for referatet af mødet.").Flags);
        Assert.Equal((FlagKind.AccessToRecordsRequest, Certainty.Possible), (flag.Kind, flag.Certainty));
        Assert.Contains("kan være aktindsigt", flag.Reason);
        Assert.NotNull(flag.DueDate);
    }

    [Fact]
    public void ASelfServiceExemptionRequestIsFlaggedWithTheRuleButNoStatutoryDays()
    {
        var flag = Assert.Single(Screen("Jeg har ingen computer og intet MitID. Må jeg sende ansøgningen på papir?").Flags);
        Assert.Equal(FlagKind.SelfServiceExemptionRequest, flag.Kind);
        Assert.Null(flag.DueDate);
        Assert.Empty(flag.Deadlines);
        Assert.Contains("konkret vurdering", flag.Rule);
        Assert.Contains("Digital Post §§ 3 og 5", flag.Rule);
    }

    [Fact]
    public void ADigitalPostExemptionIsNotASelfServiceRequest() =>
        Assert.Empty(Screen("Jeg er fritaget for Digital Post. Send venligst mine breve på papir.").Flags);

    [Theory]
    [InlineData("Jeg er ikke enig, men det er ikke en klage. Jeg vil bare have det noteret.")]
    [InlineData("Jeg er ikke enig, men jeg lader det ligge og tager bare prøven.")]
    [InlineData("Det er ikke fair. Men ok, jeg gør det.")]
    public void SayingItIsNoComplaintAnywhereInTheReplyLeavesNoCertainComplaint(string text) =>
        Assert.False(Screen(text, "Sv: Afgørelse om tidsbegrænset kørekort").HasCertain(FlagKind.Complaint));

    [Fact]
    public void ASubjectAloneIsATopicNotACertainRequest()
    {
        var flag = Assert.Single(Screen("Jeg klagede over afgørelsen den 3. maj. Hvornår kan jeg forvente svar?", "Min klage").Flags);
        Assert.Equal((FlagKind.Complaint, Certainty.Possible), (flag.Kind, flag.Certainty));
        Assert.Contains("Emnelinjen", flag.Reason);
    }

    [Fact]
    public void ASubjectConfirmsWhatTheTextOnlySuggests() =>
        Assert.True(Screen("Jeg er ikke enig i afgørelsen.", "Klage").HasCertain(FlagKind.Complaint));

    [Theory]
    [InlineData("Min søn hjælper mig med at søge på nettet, så det klarer vi.")]
    [InlineData("Vores virksomhed ansætter fire nye chauffører.")]
    public void AShortWordALetterFromALemmaIsAtMostPossible(string text) => Assert.False(Screen(text).HasCertain(FlagKind.Complaint));

    [Theory]
    [InlineData("Jeg har prøvet tre gange at indsende ansøgningen på jeres hjemmeside.")]
    [InlineData("Vil I rette det?")]
    public void TryingAndCorrectingAnAddressAreNoComplaint(string text) => Assert.False(Screen(text, "Adresseændring").HasCertain(FlagKind.Complaint));

    [Fact]
    public void AskingToCorrectWhatADecisionSaysIsAComplaint() =>
        Assert.True(Screen("Ret det venligst.", "Sv: Afgørelse om godkendelse som kørelærer").HasCertain(FlagKind.Complaint));

    [Theory]
    [InlineData("Kan jeg sende ansøgningen på papir?")]
    [InlineData("Kan I sende mig et skema?")]
    [InlineData("Lægen kan først få lavet lægeerklæringen i næste uge.")]
    public void FormsAndDocumentsTheCitizenProvidesAreNoAccessRequest(string text) =>
        Assert.False(Screen(text).HasCertain(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Jeg bad om aktindsigt den 2. april og har ikke fået noget endnu. Jeg venter stadig.")]
    [InlineData("Tak for aktindsigten, men I har glemt bilagene til politirapporten. Jeg vil gerne have dem også.")]
    [InlineData("Jeg kunne godt tænke mig at se det notat, sagsbehandleren skrev.")]
    public void RemindersPartialGrantsAndPoliteWishesAreAccessRequests(string text) =>
        Assert.True(Screen(text).Has(FlagKind.AccessToRecordsRequest));

    [Theory]
    [InlineData("Lægen har ikke tid før d. 28. Er det ok hvis den kommer der?")]
    [InlineData("Må den komme efter sommerferien?")]
    [InlineData("Jeg kan ikke sende kopien før jeg får passet tilbage.")]
    public void ALaterDateIsAPossibleExtensionRequest(string text) => Assert.True(Screen(text).Has(FlagKind.DeadlineExtensionRequest));

    [Fact]
    public void ChasingAnAnswerIsNoPostponement() =>
        Assert.False(Screen("Jeg har rykket tre gange uden at få svar.").Has(FlagKind.DeadlineExtensionRequest));
}
