using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartPost.Api.Tests.Identity;

/// <summary>The Graph side of the stand-in, answering with the JSON shapes Graph v1.0 returns.</summary>
internal static class FakeGraphEndpoints
{
    public static void Map(WebApplication app, FakeMicrosoftCloud cloud)
    {
        app.MapGet("/v1.0/me/transitiveMemberOf", (HttpRequest request, int? skip) =>
        {
            if (Caller(request) is not { } oid) return Unauthorized();
            if (cloud.GraphDownStatus is { } down) return Results.Json(Error("ServiceUnavailable"), statusCode: down);

            var groups = cloud.GroupsByUser.GetValueOrDefault(oid) ?? [];
            var from = skip ?? 0;
            var page = new JsonArray(groups.Skip(from).Take(FakeMicrosoftCloud.GroupPageSize)
                .Select(id => (JsonNode)new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = id, ["displayName"] = "Gruppe " + id[..8] })
                .ToArray());
            if (from == 0)
            {
                // Directory roles come back from transitiveMemberOf too; they must not become teams.
                page.Add(new JsonObject { ["@odata.type"] = "#microsoft.graph.directoryRole", ["id"] = "62e90394-69f5-4237-9190-012177145e10", ["displayName"] = "Global Reader" });
            }
            var body = new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName)", ["value"] = page };
            if (from + FakeMicrosoftCloud.GroupPageSize < groups.Length)
            {
                body["@odata.nextLink"] = $"{cloud.GraphBaseUrl}/me/transitiveMemberOf?$select=id,displayName&$top=999&skip={from + FakeMicrosoftCloud.GroupPageSize}";
            }
            return Results.Content(body.ToJsonString(), "application/json");
        });

        app.MapGet("/v1.0/users/{id}/mailboxSettings", (HttpRequest request, string id) => AutomaticReplies(request, cloud, id, wrapped: true));
        app.MapGet("/v1.0/users/{id}/mailboxSettings/automaticRepliesSetting", (HttpRequest request, string id) => AutomaticReplies(request, cloud, id, wrapped: false));
    }

    private static IResult AutomaticReplies(HttpRequest request, FakeMicrosoftCloud cloud, string id, bool wrapped)
    {
        if (Caller(request) is null) return Unauthorized();
        if ((cloud.GraphDownStatus ?? cloud.MailboxSettingsDownStatus) is { } down) return Results.Json(Error("ServiceUnavailable"), statusCode: down);
        var setting = cloud.AutomaticReplies.GetValueOrDefault(id) ?? """
            {"status":"disabled","externalAudience":"all","internalReplyMessage":"","externalReplyMessage":"",
             "scheduledStartDateTime":{"dateTime":"2026-01-01T00:00:00.0000000","timeZone":"UTC"},
             "scheduledEndDateTime":{"dateTime":"2026-01-02T00:00:00.0000000","timeZone":"UTC"}}
            """;
        var body = wrapped
            ? $$"""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('{{id}}')/mailboxSettings(automaticRepliesSetting)","automaticRepliesSetting":{{setting}}}"""
            : setting;
        return Results.Content(body, "application/json");
    }

    /// <summary>The Graph token the fake token endpoint issued ("graph-token-for:{oid}"), or null.</summary>
    private static string? Caller(HttpRequest request)
    {
        const string prefix = "Bearer graph-token-for:";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(prefix, StringComparison.Ordinal) ? header[prefix.Length..] : null;
    }

    private static IResult Unauthorized() => Results.Json(Error("InvalidAuthenticationToken"), statusCode: 401);

    private static object Error(string code) => new { error = new { code, message = "Simulated.", innerError = new { date = "2026-11-22T09:00:00", requestId = Guid.NewGuid() } } };
}
