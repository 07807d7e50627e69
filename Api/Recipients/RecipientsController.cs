using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Recipients;

/// <summary>Answer of the digital-post-status endpoint.</summary>
public sealed record DigitalPostStatusResponse(
    RecipientIdType IdType, string Id, bool Exempt, bool Known, string Source, DateOnly? ExemptSince, string? Reason)
{
    /// <summary>Swagger example: the demo register's exempt citizen.</summary>
    public static DigitalPostStatusResponse Example => new(RecipientIdType.CPR, "0403491566", true, true, "Faaborg-Midtfyn Kommune",
        new DateOnly(2021, 3, 1), "Fritaget af kommunen: kognitiv funktionsnedsættelse (Lov om Digital Post § 5)");
}

/// <summary>Answer of a successful register import.</summary>
public sealed record RegisterImportResponse(int Created, int Updated)
{
    public static RegisterImportResponse Example => new(2, 1);
}

[ApiController]
[Route("api/v1/recipients")]
public sealed class RecipientsController(IDigitalPostRegister register) : ControllerBase
{
    /// <summary>Swagger example of the import body (fake CPR/CVR numbers).</summary>
    public const string RegisterCsvExample = """
        idType,id,exempt,since,reason,source
        CPR,010190-1234,true,2025-09-01,"Fritaget af kommunen: ingen adgang til computer med internet (Lov om Digital Post § 5)",Odense Kommune
        CPR,150466-2765,false,,,Borger.dk tilmeldt
        CVR,31415926,true,2024-06-01,"Fritaget af Erhvervsstyrelsen: ejeren er indsat i fængsel",Erhvervsstyrelsen
        """;

    /// <summary>Is the recipient exempt from Digital Post (fritaget)? Then the letter must go by physical mail.</summary>
    /// <param name="idType">CPR (citizen) or CVR (company).</param>
    /// <param name="id">CPR as DDMMYY-SSSS (dash optional) or CVR as 8 digits, e.g. 040349-1566.</param>
    [HttpGet("{idType}/{id}/digital-post-status")]
    [SwaggerOperation(Summary = "Modtagerens fritagelse for Digital Post",
        Description = "Looks the recipient up in the Digital Post register (the embedded table by default). "
            + "Unknown recipients are reported with known=false and assumed not exempt. Try CPR 040349-1566 (exempt in the demo data). Any caseworker; 400 when idType is not CPR/CVR "
            + "or the id is not a valid CPR (10 digits with a valid date) or CVR (8 digits).")]
    [ProducesResponseType<DigitalPostStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> GetStatus(string idType, string id, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<RecipientIdType>(idType, ignoreCase: true, out var type) || !Enum.IsDefined(type) || idType.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("idType", "Skal være CPR eller CVR.");
            return ValidationProblem(ModelState);
        }
        if (!RecipientId.IsValid(type, id))
        {
            ModelState.AddModelError("id", type == RecipientIdType.CPR
                ? "Ugyldigt CPR-nummer (10 cifre, DDMMÅÅ-SSSS)."
                : "Ugyldigt CVR-nummer (8 cifre).");
            return ValidationProblem(ModelState);
        }
        var status = await register.LookupAsync(type, RecipientId.Normalize(type, id), cancellationToken);
        return Ok(new DigitalPostStatusResponse(status.IdType, status.Id, status.Exempt, status.Known, status.Source, status.ExemptSince, status.Reason));
    }

    /// <summary>Imports register entries from CSV (header idType,id,exempt,since,reason,source).</summary>
    [HttpPost("digital-post-register/import")]
    [Consumes("text/csv")]
    [SwaggerRawBody("text/csv", RegisterCsvExample, Description = "CSV with the header idType,id,exempt,since,reason,source (UTF-8, at most 1 MB).")]
    [SwaggerOperation(Summary = "Importér Digital Post-registret fra CSV (administratorer)",
        Description = "Body: text/csv with the header 'idType,id,exempt,since,reason,source', e.g. "
            + "'CPR,040349-1566,true,2021-03-01,\"Fritaget af kommunen\",Odense Kommune'. Every line is validated first: "
            + "one bad line gives 400 naming the line and field, and nothing is imported. Known ids are updated, new ids added. "
            + "Callers: the users in Recipients:RegisterAdmins (403 for others); when that list is empty, any caseworker. Over 1 MB → 413.")]
    [ProducesResponseType<RegisterImportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Import([FromServices] RegisterImport import, [FromServices] IOptions<RecipientsOptions> options,
        CancellationToken cancellationToken)
    {
        var admins = options.Value.RegisterAdmins;
        if (admins.Count > 0 && !admins.Contains(User.UserId(), StringComparer.OrdinalIgnoreCase))
        {
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Ingen adgang",
                detail: "Kun registeradministratorer kan importere.");
        }
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var (entries, errors) = RegisterCsv.Parse(await reader.ReadToEndAsync(cancellationToken));
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError($"line {error.Line}.{error.Field}", $"Linje {error.Line}, felt {error.Field}: {error.Message}");
            }
            return ValidationProblem(
                detail: $"CSV-filen har {errors.Count} fejl; intet er importeret. Første fejl: linje {errors[0].Line}, felt {errors[0].Field}.",
                modelStateDictionary: ModelState);
        }
        var result = await import.ApplyAsync(entries, cancellationToken);
        return Ok(new RegisterImportResponse(result.Created, result.Updated));
    }
}
