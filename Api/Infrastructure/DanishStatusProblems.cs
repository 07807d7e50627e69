using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// The problems ASP.NET Core writes itself — a status code page (401 without a login, 415 for a body that is not
/// JSON) or a controller's <c>ValidationProblem()</c> — come with English reason phrases as titles. Those reach a
/// newcomer in Swagger and caseworkers in the panes, so they get Danish titles and a detail that says what to do.
/// Titles the features wrote themselves are left alone: they are Danish already.
/// </summary>
public static class DanishStatusProblems
{
    private const string EnglishValidationTitle = "One or more validation errors occurred.";

    private static readonly Dictionary<int, (string Title, string? Detail)> Texts = new()
    {
        [400] = ("Ugyldig forespørgsel", "Et eller flere felter er ugyldige; rettelsen står ved hvert felt."),
        [401] = ("Ikke logget ind", null),
        [403] = ("Ingen adgang", null),
        [404] = ("Ikke fundet", null),
        [405] = ("Metoden er ikke tilladt", "Adressen findes, men ikke med denne metode (GET, POST, PUT eller DELETE)."),
        [406] = ("Formatet kan ikke leveres", "API'et svarer med JSON (Accept: application/json)."),
        [413] = ("Forespørgslen er for stor", null),
        [415] = ("Ukendt indholdstype", "Send indholdet som JSON (Content-Type: application/json) – eller som MeMo-XML (application/xml), hvor det er beskrevet."),
        [429] = ("For mange forespørgsler", "Vent lidt, og prøv igen."),
        [500] = ("Uventet fejl", null),
        [503] = ("Tjenesten er ikke tilgængelig", "Prøv igen om lidt."),
    };

    public static void Configure(ProblemDetailsOptions options, IHostEnvironment env) =>
        options.CustomizeProblemDetails = context => Apply(context.ProblemDetails, env);

    internal static void Apply(ProblemDetails problem, IHostEnvironment env)
    {
        if (problem.Status is not { } status) return;
        var english = problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || problem.Title == EnglishValidationTitle;
        if (!english || !Texts.TryGetValue(status, out var danish)) return;
        problem.Title = danish.Title;
        problem.Detail ??= status == 401 ? LoginHint(env) : danish.Detail;
    }

    private static string LoginHint(IHostEnvironment env) => env.IsDevelopment()
        ? "Send udviklingsidentiteten med forespørgslen: X-Dev-User (fx cw-anna) og X-Dev-Teams (fx team-helbred) – i Swagger "
            + "under Authorize, i panelerne i den gule boks."
        : "Log ind med din arbejdskonto: forespørgslen skal have et gyldigt Entra ID-token (Authorization: Bearer).";
}
