using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// The screener's mechanisms, one named case each: quoted text and signatures masked, subjects as context, evidence
/// offsets, certainty tiers, reasons and due dates. Which replies carry which kind is labelled in the corpus
/// (tests/corpus/replies, the wordings of former theories in guard-cases.jsonl) and measured there
/// (<see cref="CorpusEvaluationTests"/>), not here.
/// </summary>
public class ReplyScreenerTests
{
    private static readonly ReplyScreener Screener = TestScreener.Create();

    private static ScreeningResult Screen(string text, string? subject = null) => Screener.Screen(subject, text, TestScreener.AnyContext);

    [Fact]
    public void ALongMisspellingStaysCertain() => Assert.True(Screen("Jeg beder om aktindsit i sagen.").HasCertain(FlagKind.AccessToRecordsRequest));

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
    public void SayingItIsNoComplaintAnywhereInTheReplyLeavesNoCertainComplaint() =>
        Assert.False(Screen("Jeg er ikke enig, men det er ikke en klage. Jeg vil bare have det noteret.", "Sv: Afgørelse om tidsbegrænset kørekort")
            .HasCertain(FlagKind.Complaint));

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

    [Fact]
    public void WritingOnBehalfOfTheCitizenMakesTheirThirdPersonRequestTheirOwn()
    {
        const string request = "Hun vil gerne klage over afgørelsen.";
        Assert.False(Screen(request, "Sv: Afgørelse om inddragelse").HasCertain(FlagKind.Complaint));
        Assert.True(Screen("Jeg skriver på vegne af min mor. " + request, "Sv: Afgørelse om inddragelse").HasCertain(FlagKind.Complaint));
    }

    [Fact]
    public void AShortWordALetterFromALemmaIsAtMostPossible() =>
        Assert.False(Screen("Min søn hjælper mig med at søge på nettet, så det klarer vi.").HasCertain(FlagKind.Complaint));

    [Theory]
    [InlineData("Tager I kortet fra mig, klager jeg med det samme.", "Hvis I tager kortet fra mig, klager jeg med det samme.")]
    [InlineData("Skulle prøven blive aflyst igen, vil jeg klage.", "Hvis prøven bliver aflyst igen, vil jeg klage.")]
    public void AVerbFirstConditionScopesAsHvisDoes(string verbFirst, string withHvis)
    {
        Assert.False(Screen(withHvis).Has(FlagKind.Complaint));
        Assert.Equal(Screen(withHvis).Flags.Select(f => (f.Kind, f.Certainty)), Screen(verbFirst).Flags.Select(f => (f.Kind, f.Certainty)));
        // Without the comma the shape is gone and the threat reads as a complaint: the clause, not a word, blocks it.
        Assert.True(Screen(verbFirst.Replace(",", "", StringComparison.Ordinal)).Has(FlagKind.Complaint));
    }

    [Fact]
    public void AVerbFirstQuestionKeepsItsRequest() =>
        Assert.True(Screen("Kan I sende mig en kopi af lægens notat?").HasCertain(FlagKind.AccessToRecordsRequest));
}
