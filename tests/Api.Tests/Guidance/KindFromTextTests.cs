using SmartPost.Api.Guidance;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// The letter's kind comes from what its text does (LABELS.md): the title and document type are weaker evidence, an act
/// told as the consequence of a future event or as the time of something else is not performed, and a document type
/// that contradicts the text is named in the reasons with what it would have made the caseworker forget.
/// </summary>
public class KindFromTextTests
{
    [Fact]
    public void ARefusalUnderANeutralTitleAndAnInformationTypeNeedsItsKlagevejledningAndTheReasonSaysSo()
    {
        var s = TestEngine.Suggest("Brev til borger",
            "Du har søgt om at få fjernet kode 01 fra dit kørekort.\n\nVi giver dig afslag, fordi din synsstyrke uden briller er under kravet.",
            documentType: "Information");
        Assert.Equal(GuidanceCategory.Decision, s.Category);
        Assert.Contains(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        var reason = Assert.Single(s.Reasons, r => r.StartsWith("Dokumenttypen \"Information\" passer ikke"));
        Assert.Contains("Husk klagevejledning: som afgørelse skal brevet have en.", reason);
    }

    [Fact]
    public void TheReminderIsLeftOutWhenTheLetterHasItsKlagevejledning()
    {
        var s = TestEngine.Suggest("Kørelærergodkendelse",
            "Vi har godkendt dig som kørelærer til kategori B fra den 1. april 2027.\n\nDu kan klage over afgørelsen til Trafikstyrelsen inden 4 uger.",
            documentType: "Information");
        Assert.Equal(GuidanceCategory.Approval, s.Category);
        var reason = Assert.Single(s.Reasons, r => r.StartsWith("Dokumenttypen \"Information\" passer ikke"));
        Assert.DoesNotContain("Husk klagevejledning", reason);
    }

    [Fact]
    public void APartshoeringTypedAsADecisionIsNoDecisionAndTheReasonSaysItNeedsNoKlagevejledning()
    {
        var s = TestEngine.Suggest("Påtænkt afgørelse",
            "Vi overvejer at begrænse din førerret til kørsel i dagslys.\n\nInden vi træffer afgørelse, kan du komme med dine bemærkninger. "
            + "Vi skal have dem senest den 3. maj 2027.", documentType: "Afgørelse", chosen: ReplyOption.WithReply);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
        var reason = Assert.Single(s.Reasons, r => r.StartsWith("Dokumenttypen \"Afgørelse\" passer ikke"));
        Assert.Contains("Teksten træffer ingen afgørelse, så brevet behøver ingen klagevejledning.", reason);
    }

    [Fact]
    public void AWithdrawalThatFollowsOnlyIfTheTestIsFailedIsNoWithdrawal()
    {
        var s = TestEngine.Suggest("Kontrollerende køreprøve",
            "Du er betinget frakendt førerretten og skal bestå en kontrollerende køreprøve senest den 1. juni 2027.\n\n"
            + "Klarer du ikke prøven i tide, inddrages din førerret.\n\nKlagevejledning\nDu kan klage over indkaldelsen til Trafikstyrelsen inden 4 uger.");
        Assert.Equal(GuidanceCategory.ControlDrivingTestSummons, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.ComplaintGuidanceInWithdrawal);
    }

    [Fact]
    public void TheAnswerToALeafletsConditionalQuestionIsAsConditionalAsTheQuestion()
    {
        var s = TestEngine.Suggest("Kontrollerende køreprøve",
            "Hvad skal du?\nDu skal bestå en kontrollerende køreprøve senest den 1. juni 2027.\n\n"
            + "Hvad sker der, hvis du ikke når det?\nSå bliver din førerret inddraget.\n\nKan du klage?\nJa, du kan klage til Trafikstyrelsen inden 4 uger.");
        Assert.Equal(GuidanceCategory.ControlDrivingTestSummons, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.ComplaintGuidanceInWithdrawal);
    }

    [Fact]
    public void ARestrictionThatFollowsOnlyIfTheRecipientChoosesItIsNoDecisionBesideTheQuestion()
    {
        var s = TestEngine.Suggest("Køreprøve i automatgear",
            "Du har bestået teoriprøven.\n\nHvis du vælger at køre prøven i automatgear, bliver dit kørekort begrænset til automatgear.\n\n"
            + "Vi beder dig oplyse, hvilket gear du vælger, senest den 1. marts 2027.", documentType: "Brev", chosen: ReplyOption.WithReply);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.False(s.Conflict);
    }

    [Fact]
    public void AnOfferUnderAConditionAsksForNothingNow()
    {
        var s = TestEngine.Suggest("Sagsbehandlingstid",
            "Vi har modtaget din ansøgning om fornyelse af kørekort.\n\nVi forventer at træffe afgørelse inden 6 uger.\n\n"
            + "Får du en ny erklæring fra din øjenlæge i mellemtiden, kan du sende den til os.", chosen: ReplyOption.WithoutReply);
        Assert.Equal(ReplyOption.WithoutReply, s.Recommendation);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.QuestionWithoutReplyOption);
    }

    [Fact]
    public void AnActInAClauseOfTimeIsNotTheLettersAndTheTitleAloneMakesNoApproval()
    {
        var s = TestEngine.Suggest("Din ansøgning om godkendelse som kørelærer",
            "Vi har modtaget alle dokumenter, og din sag er klar til behandling.\n\nVi forventer at kunne træffe afgørelse inden 6 uger. "
            + "Du må ikke undervise elever, før du har fået godkendelsen.");
        Assert.NotEqual(GuidanceCategory.Approval, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Fact]
    public void TheTitleStillSaysWhichDecisionTheTextMakes()
    {
        var s = TestEngine.Suggest("Fristudsættelse",
            "Vi har behandlet din anmodning, og vi forlænger fristen for den kontrollerende køreprøve til den 1. september 2027.\n\n"
            + "Du kan klage over afgørelsen til Trafikstyrelsen inden 4 uger.");
        Assert.Equal(GuidanceCategory.DeadlineExtension, s.Category);
    }

    [Fact]
    public void OurRefusalUntilWeHaveWhatIsMissingIsTheConditionOfTheRequest()
    {
        var s = TestEngine.Suggest("Din henvendelse om din fars sag",
            "Vi kan ikke udlevere oplysninger om din fars sag, før vi har en fuldmagt fra ham.\n\nSend fuldmagten til os som svar på dette brev.",
            chosen: ReplyOption.WithReply);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Fact]
    public void AnActToldAsDoneEarlierIsTheEarlierLettersAndNeedsNoKlagevejledningHere()
    {
        var s = TestEngine.Suggest("Indkaldelse til kontrollerende køreprøve",
            "Vi har tidligere indkaldt dig til kontrollerende køreprøve i Vejle.\n\nPrøvestedet er lukket den dag. "
            + "Skriv til os, hvilken af disse to datoer du vælger: 4. maj eller 6. maj 2027.", documentType: "Afgørelse", chosen: ReplyOption.WithReply);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.DoesNotContain(s.Checks, c => c.Code == GuidanceChecks.MissingComplaintGuidance);
    }

    [Fact]
    public void ASentenceOpeningWithUdenIsAConditionNotARefusal()
    {
        var s = TestEngine.Suggest("Kvittering",
            "Vi har modtaget din ansøgning om fornyelse.\n\nVi mangler en ny lægeerklæring. Uden erklæringen kan vi ikke forny dit kørekort.\n\n"
            + "Send erklæringen til os senest den 1. maj 2027.", documentType: "Kvittering", chosen: ReplyOption.WithReply);
        Assert.Equal(GuidanceCategory.ExpectsReply, s.Category);
        Assert.False(s.Conflict);
    }
}
