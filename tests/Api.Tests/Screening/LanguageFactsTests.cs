using SmartPost.Api.Screening;

namespace SmartPost.Api.Tests.Screening;

/// <summary>
/// Four facts of Danish the scopes read (docs/screening.md "Four language facts, seventeenth session"): a negated polar
/// question asks politely, "om" after a verb of knowing or asking is an indirect question, a relative's complaint told
/// as news stays theirs, and dropping a charge is no erasure of data. The texts are written from Danish usage, not
/// taken from a writer's replies. Rules alone, as the rules file decides.
/// </summary>
public class LanguageFactsTests
{
    private static ScreeningResult Screen(string text) => TestScreener.ScreenByRules(text);

    private static bool Flags(string text, FlagKind kind) => Screen(text).Flags.Any(f => f.Kind == kind);

    [Theory]
    // Verb-first word order makes the question, with or without its "?".
    [InlineData("Kan I ikke udsætte fristen lidt, jeg er indlagt på hospitalet")]
    [InlineData("Hej Peter, kunne I ikke give mig 14 dage mere")]
    [InlineData("Kan jeg ikke få en uges tid mere?")]
    public void ANegatedPolarQuestionAsksForMoreTime(string text) =>
        Assert.True(Screen(text).HasCertain(FlagKind.DeadlineExtensionRequest));

    [Theory]
    [InlineData("Kan I ikke sende mig kopien af mine akter")]
    [InlineData("Må jeg ikke få aktindsigt i sagen")]
    public void ANegatedPolarQuestionAsksForAccess(string text) =>
        Assert.True(Screen(text).HasCertain(FlagKind.AccessToRecordsRequest));

    [Theory]
    // A statement puts its subject first, or is inverted after a fronted phrase: the negation is a refusal.
    [InlineData("Derfor kan jeg ikke få en uge mere.", FlagKind.DeadlineExtensionRequest)]
    [InlineData("Jeg ønsker ikke aktindsigt.", FlagKind.AccessToRecordsRequest)]
    [InlineData("Når jeg har fået svaret, kan jeg ikke se nogen grund til aktindsigt.", FlagKind.AccessToRecordsRequest)]
    public void ANegatedStatementStaysBlocked(string text, FlagKind kind) =>
        Assert.False(Flags(text, kind));

    [Fact]
    public void AskingWhetherMoreTimeCanBeHadAsksForIt() =>
        Assert.True(Screen("Jeg vil gerne vide, om jeg kan få mere tid til at sende lægeerklæringen.").HasCertain(FlagKind.DeadlineExtensionRequest));

    [Fact]
    public void TimeToDecideWhetherToComplainAsksForTimeButIsNoComplaint()
    {
        var result = Screen("Jeg har brug for mere tid til at beslutte, om jeg vil klage.");
        Assert.True(result.HasCertain(FlagKind.DeadlineExtensionRequest));
        Assert.DoesNotContain(result.Flags, f => f.Kind == FlagKind.Complaint);
    }

    [Fact]
    public void WhetherAfterDecideDoesNotMakeTheRequestBeforeItConditional() =>
        Assert.True(Screen("I need more time to decide whether to complain.").HasCertain(FlagKind.DeadlineExtensionRequest));

    [Fact]
    public void OmOpeningTheSentenceIsStillACondition() =>
        Assert.False(Flags("Om jeg klager, afhænger af jeres svar på mit brev.", FlagKind.Complaint));

    [Theory]
    [InlineData("Min svigersøn mener, at afgørelsen er kritisabel, og han vil tage sagen videre.")]
    [InlineData("Min nabo er meget utilfreds med jeres afgørelse, og han vil tage sagen videre.")]
    public void ARelativesComplaintToldAsNewsIsNoCertainComplaint(string text) =>
        Assert.False(Screen(text).HasCertain(FlagKind.Complaint));

    [Fact]
    public void TheWritersOwnDissatisfiedEscalationStaysCertain() =>
        Assert.True(Screen("Jeg mener, at afgørelsen er kritisabel, og jeg vil tage sagen videre.").HasCertain(FlagKind.Complaint));

    [Fact]
    public void DroppingAChargeDoesNotSilenceTheAccessRequestBesideIt() =>
        Assert.True(Screen("Send mig venligst akterne i min sag, og slet det gebyr, I har opkrævet.").HasCertain(FlagKind.AccessToRecordsRequest));

    [Fact]
    public void ErasingDataStillBlocksAccess() =>
        Assert.False(Flags("Jeg vil gerne have aktindsigt, og I bedes derefter slette mine data.", FlagKind.AccessToRecordsRequest));
}
