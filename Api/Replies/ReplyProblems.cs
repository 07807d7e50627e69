using SmartPost.Api.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Mvc;
using SmartPost.Api.Text;

namespace SmartPost.Api.Replies;

/// <summary>The refusals of the reply state changes, in the caseworker's words.</summary>
public static class ReplyProblems
{
    public static ObjectResult HeldByOther(ControllerBase c, ClaimView claim)
    {
        SmartPostTelemetry.ClaimConflicts.Add(1);
        var problem = c.Problem(statusCode: 409, title: "Svaret er taget af en kollega",
            detail: $"{claim.By} har taget svaret siden {DanishTime.Format(claim.Since)}. Kun den, der har taget svaret, kan ændre det.");
        var details = (ProblemDetails)problem.Value!;
        details.Extensions["holder"] = claim.By;
        details.Extensions["since"] = claim.Since;
        details.Extensions["expiresAt"] = claim.ExpiresAt;
        return problem;
    }

    public static ObjectResult AlreadyHandled(ControllerBase c, Reply reply)
    {
        var when = reply.HandledAt is { } at ? $" {DanishTime.Format(at)}" : "";
        var problem = c.Problem(statusCode: 409, title: "Svaret er allerede behandlet",
            detail: $"Svaret er allerede behandlet (SmartPost behandlet af {reply.HandledBy}{when}). Fortryd \"behandlet\" først, hvis der skal arbejdes videre med det.");
        var details = (ProblemDetails)problem.Value!;
        details.Extensions["handledBy"] = reply.HandledBy;
        details.Extensions["handledAt"] = reply.HandledAt;
        return problem;
    }

    public static ObjectResult IfMatchRequired(ControllerBase c) => c.Problem(statusCode: 428, title: "Versionen mangler",
        detail: "Ændringen skal sendes med svarets version (If-Match med ETag fra det svar, du har hentet), så du ikke "
            + "kommer til at overskrive en kollegas ændring. Hent svaret igen og prøv på ny.");

    public static ObjectResult Stale(ControllerBase c) => c.Problem(statusCode: 412, title: "Svaret er ændret imens",
        detail: "En anden har ændret svaret, siden du hentede det. Hent det igen og se, om din ændring stadig er nødvendig.");

    public static ObjectResult TakeOverForbidden(ControllerBase c) => c.Problem(statusCode: 403, title: "Ingen adgang",
        detail: "Kun teamlederen eller dagens postkassevagt kan overtage et svar, som en kollega har taget.");
}
