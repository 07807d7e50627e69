using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>The send-time checks a caseworker would reason about, one rule each (the corpus measures the rest).</summary>
public class SendTimeCheckTests
{
    private static readonly RecipientStanding Exempt = new(true, false, "test");

    private static Suggestion Decision(string complaintPart, string title = "Brev til borger") => TestEngine.Suggest(title,
        "Kære Oksana\n\nVi kan ikke imødekomme din ansøgning om ombytning af dit kørekort.\n\n" + complaintPart);

    private static bool Has(Suggestion s, string code) => s.Checks.Any(c => c.Code == code);

    [Fact]
    public void RefusalUnderANeutralTitleNeedsAKlagevejledning()
    {
        var s = Decision("Med venlig hilsen");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        Assert.Equal(GuidanceCategory.Decision, check.Kind);
    }

    [Theory]
    [InlineData("Er du uenig i afgørelsen, kan du klage til Trafikstyrelsen inden 4 uger.")]
    [InlineData("Afgørelsen kan påklages til Trafikstyrelsen.")]
    [InlineData("Afgørelsen kan indbringes for Trafikstyrelsen senest 4 uger efter, at du har modtaget den.")]
    [InlineData("Du har mulighed for at påklage afgørelsen til Trafikstyrelsen.")]
    [InlineData("Sådan klager du\nSend din klage til os, så sender vi den videre.")]
    [InlineData("Se klagevejledningen i bilag 1.")]
    [InlineData("Vejledning om klageadgang er vedlagt.")]
    public void KlagevejledningInAnyFormCounts(string complaintPart) =>
        Assert.False(Has(Decision(complaintPart), GuidanceChecks.MissingComplaintGuidance), complaintPart);

    [Theory]
    [InlineData("Du kan ikke klage over afgørelsen.")]
    [InlineData("Du har ret til at klage til Datatilsynet over vores behandling af dine personoplysninger.")]
    public void StatementOfNoAppealOrADatatilsynetComplaintIsNoKlagevejledning(string complaintPart) =>
        Assert.True(Has(Decision(complaintPart), GuidanceChecks.MissingComplaintGuidance), complaintPart);

    [Fact]
    public void KlagevejledningInAWithdrawalIsReturnedAsItsSentenceForHighlighting()
    {
        var text = "Din førerret er derfor inddraget fra den 9. marts 2026.\n\nKlageadgang\nDu kan påklage inddragelsen til Trafikstyrelsen.";
        var s = TestEngine.Suggest("Inddragelse af kørekort", text);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.ComplaintGuidanceInWithdrawal);
        var evidence = Assert.Single(check.Evidence);
        Assert.Equal("Klageadgang\nDu kan påklage inddragelsen til Trafikstyrelsen.", evidence.Text);
        Assert.Equal(text.IndexOf("Klageadgang", StringComparison.Ordinal), evidence.Start);
    }

    [Fact]
    public void WithdrawalThatSaysThereIsNoAppealIsFine()
    {
        var s = TestEngine.Suggest("Inddragelse af førerretten",
            "Vi inddrager derfor din førerret fra den 4. april 2026.\n\nDu kan ikke klage over inddragelsen, fordi den følger af loven.");
        Assert.False(Has(s, GuidanceChecks.ComplaintGuidanceInWithdrawal));
        Assert.Contains(s.Reasons, r => r.Contains("ikke kan klages"));
    }

    [Theory]
    [InlineData("Godkendelsen er betinget af, at I senest den 30. april 2026 sender os en kopi af forsikringen.")]
    [InlineData("Vi har brug for en kopi af dit pas. Kopien skal være modtaget senest den 20. maj 2026.")]
    [InlineData("Vi afventer dit svar på, om du vil fastholde ansøgningen.")]
    public void AskingWithoutStockPhrasesIsFlaggedWhenSentUdenSvarmulighed(string asking) =>
        Assert.True(Has(TestEngine.Suggest("Brev", asking, chosen: ReplyOption.WithoutReply), GuidanceChecks.QuestionWithoutReplyOption), asking);

    [Theory]
    [InlineData("Giv os besked, hvis der sker ændringer i jeres adresse.")]
    [InlineData("Hvis du ikke kan møde til prøven, skal du kontakte Borgerservice.")]
    [InlineData("Har du spørgsmål, er du velkommen til at kontakte os.")]
    [InlineData("Du skal ikke selv sende noget til os.")]
    [InlineData("Du skal aflevere dit kørekort til politiet senest den 15. april 2026.")]
    [InlineData("Du fornyer kørekortet ved at søge digitalt via borger.dk, hvor du logger ind med MitID.")]
    public void DutiesConditionsOffersAndSelfServiceInstructionsAreNotAsking(string sentence) =>
        Assert.False(Has(TestEngine.Suggest("Brev", sentence, chosen: ReplyOption.WithoutReply), GuidanceChecks.QuestionWithoutReplyOption), sentence);

    [Fact]
    public void ExemptRecipientDirectedToSelfServiceGetsTheDigitalPostLawCheck()
    {
        var s = TestEngine.Suggest("Dit kørekort udløber", "Du fornyer kørekortet ved at søge digitalt via borger.dk, hvor du logger ind med MitID.",
            recipient: Exempt);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.SelfServiceForExemptRecipient);
        Assert.Contains("fritager ikke i sig selv", check.Message);
        Assert.Contains("konkret vurdering", check.Message);
        Assert.Contains("ingen formkrav", check.Message);
        Assert.Contains("§§ 3 og 5", check.Message);
        Assert.NotEmpty(check.Evidence);
    }

    [Theory]
    [InlineData("Læs mere om fornyelse på borger.dk.")]
    [InlineData("Din læge sender erklæringen digitalt til os.")]
    [InlineData("Du kan søge i Borgerservice, ringe til os eller sende ansøgningen med posten.")]
    public void ReadingMoreOnlineOrOtherChannelsIsNoSelfServiceDirection(string sentence) =>
        Assert.False(Has(TestEngine.Suggest("Information", sentence, recipient: Exempt), GuidanceChecks.SelfServiceForExemptRecipient), sentence);

    [Fact]
    public void SelfServiceDirectionToARecipientWhoIsNotExemptIsNoCheck() =>
        Assert.False(Has(TestEngine.Suggest("Information", "Ønsker du kategori C1, skal du søge via selvbetjeningen på fstyr.dk."),
            GuidanceChecks.SelfServiceForExemptRecipient));

    [Theory]
    [InlineData("Klage over afgørelsen\nFristen for at klage er 4 uger. Du sender klagen til Færdselsstyrelsen med almindelig post.")]
    [InlineData("Hvis du vil klage\nSkriv til Færdselsstyrelsen inden 4 uger fra den dag, du modtog afgørelsen.")]
    [InlineData("Du kan klage\nDu kan klage over denne afgørelse til Transportministeriet. Klagefristen er 4 uger fra modtagelsen.")]
    [InlineData("Vi gør opmærksom på, at afgørelsen kan indbringes for Trafik-, Bygge- og Boligstyrelsen inden 4 uger.")]
    [InlineData("Klagevejledning fremgår af bilag 1.")]
    public void HeadedAndWovenKlagevejledningNamingAnotherAppealBodyCounts(string complaintPart) =>
        Assert.False(Has(Decision(complaintPart), GuidanceChecks.MissingComplaintGuidance), complaintPart);

    [Fact]
    public void UpholdingADecisionIsNoKlagevejledning() =>
        Assert.True(Has(Decision("Der er derfor ikke grundlag for at genoptage sagen, og vi fastholder afgørelsen."),
            GuidanceChecks.MissingComplaintGuidance));

    [Theory]
    [InlineData("Godkendelsen er givet på baggrund af de oplysninger, du har sendt os.")]
    [InlineData("Du fik dispensation på betingelse af, at du hvert år sendte en ny øjenlægeerklæring.")]
    [InlineData("Vi sendte den 20. december 2025 en partshøring om sagen.")]
    [InlineData("Vi kan ikke svare inden 7 arbejdsdage, men forventer at svare dig senest den 21. oktober 2026.")]
    [InlineData("Ønsker du at sende os yderligere dokumentation, kan du sende den med almindelig post.")]
    [InlineData("Vi mangler et digitalt pasfoto. Det skal indsendes via selvbetjeningen på borger.dk, hvor du logger ind med MitID.")]
    public void WhatWasSentOurOwnAnswerDateOffersAndMandatedSelfServiceAreNotAsking(string sentence) =>
        Assert.False(Has(TestEngine.Suggest("Brev", sentence, chosen: ReplyOption.WithoutReply), GuidanceChecks.QuestionWithoutReplyOption), sentence);

    [Theory]
    [InlineData("Oplys os venligst et telefonnummer, som vi kan kontakte dig på, hvis vi får brug for yderligere oplysninger.")]
    [InlineData("Det er nødvendigt, at vi modtager en oversættelse inden den 5. oktober 2026.")]
    [InlineData("Vi vil bede dig oplyse, hvornår du flyttede til Danmark.\n\nDu kan sende oplysningerne via kontaktformularen på fstyr.dk.")]
    public void ARequestBesideOurOwnConditionOrAnOfferedChannelIsAsking(string sentence) =>
        Assert.True(Has(TestEngine.Suggest("Brev", sentence, chosen: ReplyOption.WithoutReply), GuidanceChecks.QuestionWithoutReplyOption), sentence);

    [Fact]
    public void SummonsThatAlsoAsksStillNeedsItsKlagevejledning()
    {
        var s = TestEngine.Suggest("Brev", "Vi indkalder dig til kontrollerende køreprøve den 26. juni 2026 på Prøvecenter Aalborg.\n\n"
            + "Vi skal bede dig bekræfte, at du kan møde. Giv os svar senest 5 hverdage før prøven.");
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.True(s.Conflict);
        var check = Assert.Single(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        Assert.Equal(GuidanceCategory.ControlDrivingTestSummons, check.Kind);
    }

    [Fact]
    public void NoticeThatTheSummonsComesSeparatelyIsNoSummons()
    {
        var s = TestEngine.Suggest("Afgørelse", "Du skal bestå en kontrollerende køreprøve. Du får et særskilt brev med indkaldelse til prøven.\n\n"
            + "Brevet er til orientering.", documentType: "Information");
        Assert.NotEqual(GuidanceCategory.ControlDrivingTestSummons, s.Category);
    }

    [Theory]
    [InlineData("Vi har endnu ikke truffet afgørelse i sagen.")]
    [InlineData("Din nuværende godkendelse gælder, til vi har truffet afgørelse.")]
    public void ADecisionNotYetMadeIsNoDecision(string sentence) =>
        Assert.NotEqual(GuidanceCategory.Decision, TestEngine.Suggest("Sagsbehandlingstid", sentence).Category);

    [Fact]
    public void RestrictedApprovalIsADecisionAndAFullGrantAnApproval()
    {
        Assert.Equal(GuidanceCategory.Decision, TestEngine.Suggest("Brev",
            "Vi godkender dig derfor som kørelærer, men kun til kategori B.").Category);
        Assert.Equal(GuidanceCategory.Approval, TestEngine.Suggest("Brev",
            "Vi imødekommer derfor din ansøgning fuldt ud, og du får dansk kørekort til kategori B.").Category);
        Assert.Equal(GuidanceCategory.Decision, TestEngine.Suggest("Ansøgning om dispensation",
            "Vi giver dig ikke dispensation, fordi du ikke har dokumenteret tilsvarende uddannelse.").Category);
    }

    [Fact]
    public void TheCaseClosedFlagLosesToAKindTheWordsShow()
    {
        var s = TestEngine.Suggest("Svar på din anmodning",
            "Vi imødekommer din anmodning og tilbagebetaler gebyret til din NemKonto.", caseClosed: true);
        Assert.Equal(GuidanceCategory.Approval, s.Category);
        Assert.Equal(GuidanceCategory.CaseClosed, TestEngine.Suggest("Brev", "Vi har registreret oplysningerne på din sag.", caseClosed: true).Category);
    }

    [Fact]
    public void AnAnswerIsAboutAFrakendelseOnlyWhenTheLetterSpeaksOfOne()
    {
        Assert.Equal(GuidanceCategory.RevocationInquiry, TestEngine.Suggest("Dit spørgsmål",
            "Du har spurgt, om du skal tage et ANT-kursus efter din ubetingede frakendelse.").Category);
        Assert.NotEqual(GuidanceCategory.RevocationInquiry, TestEngine.Suggest("Dit spørgsmål",
            "Du har spurgt, hvornår teoriprøven bliver holdt i Aarhus.").Category);
    }

    [Fact]
    public void DocumentTypeThatContradictsTheTextIsNamedInTheReasons()
    {
        var s = TestEngine.Suggest("Kørelærergodkendelse", "Vi har godkendt dig som kørelærer til kategori B fra den 1. april 2026.",
            documentType: "Information");
        Assert.Equal(GuidanceCategory.Approval, s.Category);
        Assert.Contains(s.Reasons, r => r.StartsWith("Dokumenttypen \"Information\" passer ikke"));
    }
}
