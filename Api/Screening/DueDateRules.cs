using SmartPost.Api.Calendar;

namespace SmartPost.Api.Screening;

/// <summary>The legal and internal deadlines a flag starts (REFERENCE.md "Deadlines"), in Copenhagen dates. A Possible flag gets them too: if it is one, the clock runs.</summary>
public sealed class DueDateRules
{
    public const string AccessDecisionCode = "AktindsigtAfgoerelse7";
    public const string AccessDelayComplaintCode = "AktindsigtKlageOverSagsbehandlingstid14";
    public const string GdprAnswerCode = "GdprArtikel15Svar";
    public const string ComplaintForwardCode = "KlageGenvurderingOgVideresendelse";
    public const string AppealDeadlineCode = "Klagefrist";
    public const string ExtensionAnswerCode = "SvarPaaFristforlaengelse";
    public const string SelfServiceCode = "FritagelseForSelvbetjening";

    private readonly DanishWorkingDays _calendar;
    private readonly ScreeningOptions _options;

    public DueDateRules(DanishWorkingDays calendar, ScreeningOptions options)
    {
        _calendar = calendar;
        _options = options;
    }

    public ScreeningFlag Flag(FlagKind kind, string? subKind, IReadOnlyList<Evidence> evidence, ScreeningContext context,
        Certainty certainty = Certainty.Certain, string? reason = null)
    {
        var received = DanishWorkingDays.LocalDate(context.ReceivedAt);
        var flag = kind switch
        {
            FlagKind.AccessToRecordsRequest when subKind == AccessSubKind.GdprArticle15 => Gdpr(evidence, received),
            FlagKind.AccessToRecordsRequest => Access(evidence, received),
            FlagKind.Complaint => Complaint(evidence, received, context),
            FlagKind.DeadlineExtensionRequest => Extension(evidence, received),
            _ => SelfService(evidence),
        };
        return flag with { Certainty = certainty, Reason = certainty == Certainty.Possible ? reason : null };
    }

    /// <summary>
    /// No statutory day count (seed 004, Lov om Digital Post §§ 3 og 5): the rule text says what the caseworker must do.
    /// </summary>
    private static ScreeningFlag SelfService(IReadOnlyList<Evidence> evidence) =>
        new(FlagKind.SelfServiceExemptionRequest, null, evidence, null,
            "Anmodning om fritagelse for obligatorisk digital selvbetjening: der skal foretages en konkret vurdering; "
            + "der er ingen formkrav til anmodningen; imødekommes den, skal borgeren tilbydes en anden måde at ansøge på "
            + "(fx papir, telefon eller personligt fremmøde). En fritagelse for Digital Post begrunder ikke i sig selv en "
            + "fritagelse for selvbetjening (lov om Digital Post §§ 3 og 5). Der er ingen lovbestemt svarfrist.",
            [], null);

    private ScreeningFlag Access(IReadOnlyList<Evidence> evidence, DateOnly received)
    {
        var decide = new DueDate(_calendar.AddWorkingDays(received, 7),
            "Aktindsigt: afgørelse hurtigst muligt og inden 7 arbejdsdage, ellers fristbrev med begrundelse og forventet tidspunkt (offentlighedsloven § 36, stk. 2).",
            AccessDecisionCode);
        var complain = new DueDate(_calendar.AddWorkingDays(received, 14),
            "Aktindsigt: efter 14 arbejdsdage uden afgørelse kan borgeren klage over sagsbehandlingstiden (offentlighedsloven § 37, stk. 2).",
            AccessDelayComplaintCode);
        return new ScreeningFlag(FlagKind.AccessToRecordsRequest, AccessSubKind.Offentlighedsloven, evidence, decide.Date,
            decide.Rule + " " + complain.Rule, [decide, complain], null);
    }

    private static ScreeningFlag Gdpr(IReadOnlyList<Evidence> evidence, DateOnly received)
    {
        var answer = new DueDate(received.AddMonths(1),
            "Indsigtsanmodning (databeskyttelsesforordningen art. 15): svar uden unødig forsinkelse og senest inden for én måned; kan forlænges med yderligere to måneder, hvis borgeren får besked inden for den første måned (art. 12, stk. 3).",
            GdprAnswerCode);
        return new ScreeningFlag(FlagKind.AccessToRecordsRequest, AccessSubKind.GdprArticle15, evidence, answer.Date,
            answer.Rule, [answer], null);
    }

    private ScreeningFlag Complaint(IReadOnlyList<Evidence> evidence, DateOnly received, ScreeningContext context)
    {
        var forward = new DueDate(_calendar.AddWorkingDays(received, _options.ComplaintForwardWorkingDays),
            $"Klage: klagen indgives til Færdselsstyrelsen, som genvurderer afgørelsen og, hvis den fastholdes, videresender klagen til {_options.AppealBody} (intern frist {_options.ComplaintForwardWorkingDays} arbejdsdage).",
            ComplaintForwardCode);
        if (context.AnsweredDecisionNotifiedAt is not { } notifiedAt)
        {
            return new ScreeningFlag(FlagKind.Complaint, null, evidence, forward.Date,
                forward.Rule + $" Klagefristen ({_options.AppealDeadlineWeeks} uger fra meddelelsen af afgørelsen) kan ikke kontrolleres, fordi afgørelsens meddelelsesdato ikke kendes.",
                [forward], null);
        }

        var notified = DanishWorkingDays.LocalDate(notifiedAt);
        // A deadline ending on a weekend or holiday runs to the next working day.
        var appealDeadline = _calendar.NextWorkingDayOnOrAfter(notified.AddDays(7 * _options.AppealDeadlineWeeks));
        var inTime = received <= appealDeadline;
        var deadline = new DueDate(appealDeadline,
            $"Klagefrist: {_options.AppealDeadlineWeeks} uger fra meddelelsen af afgørelsen ({notified:yyyy-MM-dd}); falder fristen på en weekend eller helligdag, løber den til næste arbejdsdag.",
            AppealDeadlineCode);
        var verdict = inTime
            ? $" Klagen er modtaget {received:yyyy-MM-dd}, inden for klagefristen {appealDeadline:yyyy-MM-dd}."
            : $" Klagen er modtaget {received:yyyy-MM-dd}, efter klagefristen {appealDeadline:yyyy-MM-dd}: vurdér, om der er grund til at se bort fra overskridelsen.";
        return new ScreeningFlag(FlagKind.Complaint, null, evidence, forward.Date, forward.Rule + verdict, [forward, deadline], inTime);
    }

    private ScreeningFlag Extension(IReadOnlyList<Evidence> evidence, DateOnly received)
    {
        var answer = new DueDate(_calendar.AddWorkingDays(received, _options.ExtensionAnswerWorkingDays),
            $"Anmodning om fristforlængelse/udsættelse: svar borgeren inden {_options.ExtensionAnswerWorkingDays} arbejdsdage, og før den løbende frist udløber (intern frist).",
            ExtensionAnswerCode);
        return new ScreeningFlag(FlagKind.DeadlineExtensionRequest, null, evidence, answer.Date, answer.Rule, [answer], null);
    }
}
