using Microsoft.AspNetCore.Mvc;
using Swashbuckle.AspNetCore.Annotations;

namespace SmartPost.Api.Guidance;

/// <summary>The team's standard klagevejledning, which the Word pane inserts with one click.</summary>
[ApiController]
[Route("api/v1/complaint-guidance")]
[Produces("application/json")]
public sealed class ComplaintGuidanceController(ComplaintGuidanceTemplates templates) : ControllerBase
{
    /// <summary>The klagevejledning text for a kind of letter, the team's own if it has one.</summary>
    /// <remarks>
    /// The Word pane's "Indsæt klagevejledning" inserts these paragraphs (the heading first) at the end of the letter
    /// when the suggestion has a <c>MissingComplaintGuidance</c> check; the check's <c>kind</c> names the kind. Texts per
    /// kind and team live in Api/Rules/complaint-guidance-templates.json, each with its appeal body and deadline.
    /// </remarks>
    /// <param name="kind">The letter's kind (the check's <c>kind</c>), e.g. Decision or ControlDrivingTestSummons.</param>
    /// <param name="team">Team id, e.g. team-udland; the default text when the team has none.</param>
    [HttpGet("templates/{kind}")]
    [SwaggerOperation(Summary = "Klagevejledning til en brevtype", Tags = ["Guidance"])]
    [SwaggerResponse(StatusCodes.Status200OK, "The heading and paragraphs to insert", typeof(ComplaintGuidanceTemplate))]
    [SwaggerResponse(StatusCodes.Status404NotFound, "The kind needs no klagevejledning")]
    public ActionResult<ComplaintGuidanceTemplate> Template(GuidanceCategory kind, [FromQuery] string? team)
    {
        if (templates.For(kind, team) is { } template) return template;
        return Problem(statusCode: StatusCodes.Status404NotFound, title: "Ingen klagevejledning",
            detail: "Denne slags brev skal ikke have en klagevejledning, så der er ingen standardtekst at indsætte.");
    }
}
