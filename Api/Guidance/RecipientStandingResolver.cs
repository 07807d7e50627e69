using SmartPost.Api.Recipients;

namespace SmartPost.Api.Guidance;

/// <summary>
/// Whether the recipient is exempt from Digital Post: as the request says, or else from the register — for CVR too,
/// since companies can be exempted (rarely) and only the register knows. A failing register gives "unknown", not an error:
/// the caseworker still gets the guidance, with a warning.
/// </summary>
public sealed class RecipientStandingResolver(IServiceProvider services, ILogger<RecipientStandingResolver> log)
{
    public async Task<RecipientStanding?> ResolveAsync(SuggestRecipient? recipient, CancellationToken cancellationToken)
    {
        if (recipient?.IdType is not { } idType) return null;
        var specialLaw = recipient.SpecialLawMandatesDigitalPost == true;
        if (recipient.DigitalPostExempt is { } stated) return new RecipientStanding(stated, specialLaw, "forespørgslen");

        var register = services.GetService<IDigitalPostRegister>();
        if (register is null) return new RecipientStanding(null, specialLaw, "intet register konfigureret");
        try
        {
            var status = await register.LookupAsync(idType, RecipientId.Normalize(idType, recipient.Id), cancellationToken);
            var note = status.Known ? status.Reason : "ikke fundet i Digital Post-registret; antaget ikke fritaget";
            return new RecipientStanding(status.Exempt, specialLaw, status.Source, note);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never log the id: it may be a CPR number.
            log.LogWarning(e, "Digital Post register lookup failed for a {IdType} recipient", idType);
            return new RecipientStanding(null, specialLaw, "registeropslag fejlede");
        }
    }
}
