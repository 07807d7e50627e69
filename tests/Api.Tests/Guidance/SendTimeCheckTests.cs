using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// What a send-time check carries besides its verdict (its kind, evidence, message and reasons) and how the rules rank
/// against each other. Which letters get which check is labelled in the corpus and measured there
/// (tests/corpus/letters, e.g. check-cases.jsonl).
/// </summary>
public class SendTimeCheckTests
{
    private static readonly RecipientStanding Exempt = new(true, false, "test");

    private static Suggestion Decision(string complaintPart) => TestEngine.Suggest("Brev til borger",
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
