using Microsoft.AspNetCore.Mvc;
using SmartPost.Api.Recipients;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Guidance;

/// <summary>Send-time guidance: med svarmulighed, uden svarmulighed or physical mail, and why.</summary>
[ApiController]
[Route("api/v1/reply-options")]
[Produces("application/json")]
public sealed class ReplyOptionsController(GuidanceEngine engine, RecipientStandingResolver recipients) : ControllerBase
{
    /// <summary>Suggests the reply option and SmartPost material for a letter, per the SmartPost guideline.</summary>
    /// <remarks>
    /// The category comes from the guideline rules file (Api/Rules/guideline-rules.json); an expected answer always wins
    /// over a formal category (then <c>conflict</c> is true). A recipient exempt from Digital Post gets PhysicalMail unless
    /// a special law mandates digital post; with <c>digitalPostExempt: null</c> the register is asked (CPR and CVR alike).
    /// <c>evidence</c> gives offsets into the original title/text for highlighting; <c>checks</c> have stable codes.
    /// </remarks>
    [HttpPost("suggest")]
    [SuggestFastPath]
    [SwaggerOperation(Summary = "Foreslå med/uden svarmulighed eller fysisk post til et brev", Tags = ["Guidance"])]
    [SwaggerResponse(StatusCodes.Status200OK, "The suggestion, its reasons, checks and evidence", typeof(Suggestion))]
    [SwaggerResponse(StatusCodes.Status400BadRequest, "A field is missing or invalid (named in 'errors')", typeof(ValidationProblemDetails))]
    [SwaggerResponse(StatusCodes.Status413PayloadTooLarge, "The body is over 1 MB")]
    public async Task<ActionResult<Suggestion>> Suggest(SuggestRequest request, CancellationToken cancellationToken)
    {
        if (request.ChosenOption == ReplyOption.PhysicalMail)
        {
            ModelState.AddModelError("chosenOption", "chosenOption er WithReply, WithoutReply eller null; fysisk post afgøres af registret.");
        }
        if (request.Recipient is { IdType: { } idType } recipient && !RecipientId.IsValid(idType, recipient.Id))
        {
            ModelState.AddModelError("recipient.id", idType == RecipientIdType.CPR
                ? "Ugyldigt CPR-nummer: 10 cifre (DDMMÅÅ-SSSS, bindestreg valgfri) med en gyldig dato."
                : "Ugyldigt CVR-nummer: 8 cifre.");
        }
        if (!ModelState.IsValid) return ValidationProblem(ModelState);
        return await SuggestAsync(request, engine, recipients, cancellationToken);
    }

    /// <summary>The suggestion for a valid request; <see cref="SuggestFastPath"/> answers ordinary requests with it too.</summary>
    internal static async Task<Suggestion> SuggestAsync(SuggestRequest request, GuidanceEngine engine,
        RecipientStandingResolver recipients, CancellationToken cancellationToken)
    {
        var standing = await recipients.ResolveAsync(request.Recipient, cancellationToken);
        var letter = new LetterFacts(request.DocumentTitle, request.DocumentType, request.Text, request.CaseClosed);
        return engine.Suggest(letter, standing, request.ChosenOption);
    }
}
