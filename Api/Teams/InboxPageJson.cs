using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Replies;

namespace SmartPost.Api.Teams;

/// <summary>
/// Writes an <see cref="InboxPage"/> field by field, exactly as the API's Newtonsoft settings serialize it (camelCase,
/// nulls written, dates as the serializer writes them): the team list is the page every caseworker opens, and the
/// serializer's contract look-ups and reflection were about a third of the page's CPU (0.54 of 1.4 ms for 50 rows,
/// `inbox-cpu` in benchmarks/Benchmarks). Same approach as <see cref="Guidance.SuggestionJson"/>; a test compares
/// both writers on pages with every optional part present and absent, so a field added to the records and not here
/// fails it.
/// </summary>
public static class InboxPageJson
{
    public static void Write(JsonWriter json, InboxPage page)
    {
        json.WriteStartObject();
        json.Property("team", page.Team);
        json.Property("status", page.Status);
        json.WritePropertyName("items");
        json.WriteStartArray();
        foreach (var item in page.Items) Write(json, item);
        json.WriteEndArray();
        json.Property("nextCursor", page.NextCursor);
        json.WritePropertyName("totals");
        Write(json, page.Totals);
        json.Property("screeningEstimateMinutes", page.ScreeningEstimateMinutes);
        json.WritePropertyName("screeningWindow");
        if (page.ScreeningWindow is { } window)
        {
            json.WriteStartObject();
            json.Property("from", window.From);
            json.Property("to", window.To);
            json.WriteEndObject();
        }
        else json.WriteNull();
        json.WritePropertyName("screener");
        if (page.Screener is { } screener)
        {
            json.WriteStartObject();
            json.Property("person", screener.Person);
            json.Property("isSubstitute", screener.IsSubstitute);
            json.Property("reason", screener.Reason);
            json.Property("scheduled", screener.Scheduled);
            json.Property("because", screener.Because);
            json.WriteEndObject();
        }
        else json.WriteNull();
        json.WriteEndObject();
    }

    private static void Write(JsonWriter json, FlagTotals totals)
    {
        json.WriteStartObject();
        json.Property("all", totals.All);
        json.Property("accessToRecordsRequest", totals.AccessToRecordsRequest);
        json.Property("complaint", totals.Complaint);
        json.Property("deadlineExtensionRequest", totals.DeadlineExtensionRequest);
        json.Property("needsManualScreening", totals.NeedsManualScreening);
        json.Property("unscreened", totals.Unscreened);
        json.WriteEndObject();
    }

    private static void Write(JsonWriter json, ReplyListItem item)
    {
        json.WriteStartObject();
        json.Property("id", item.Id);
        json.Property("team", item.Team);
        json.Property("receivedAt", item.ReceivedAt);
        json.Property("subject", item.Subject);
        json.Property("caseNumber", item.CaseNumber);
        json.WritePropertyName("sender");
        json.WriteStartObject();
        json.Property("idType", item.Sender.IdType);
        json.Property("id", item.Sender.Id);
        json.WriteEndObject();
        json.WritePropertyName("flags");
        json.WriteStartArray();
        foreach (var flag in item.Flags)
        {
            json.WriteStartObject();
            json.Property("kind", flag.Kind);
            json.Property("subKind", flag.SubKind);
            json.WritePropertyName("dueDate");
            WriteDate(json, flag.DueDate);
            json.Property("certainty", flag.Certainty);
            json.Property("verdict", flag.Verdict);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("dueDate");
        WriteDate(json, item.DueDate);
        json.Property("needsManualScreening", item.NeedsManualScreening);
        json.Property("routing", item.Routing);
        json.Property("routingReason", item.RoutingReason);
        json.WritePropertyName("screened");
        Write(json, item.Screened);
        json.WritePropertyName("claim");
        if (item.Claim is { } claim)
        {
            json.WriteStartObject();
            json.Property("by", claim.By);
            json.Property("since", claim.Since);
            json.Property("expiresAt", claim.ExpiresAt);
            json.WriteEndObject();
        }
        else json.WriteNull();
        json.WritePropertyName("handled");
        Write(json, item.Handled);
        json.Property("eTag", item.ETag);
        json.WriteEndObject();
    }

    private static void Write(JsonWriter json, DoneBy? done)
    {
        if (done is null)
        {
            json.WriteNull();
            return;
        }
        json.WriteStartObject();
        json.Property("by", done.By);
        json.Property("at", done.At);
        json.WriteEndObject();
    }

    /// <summary>As <see cref="Screening.DateOnlyJsonConverter"/> writes a date.</summary>
    private static void WriteDate(JsonWriter json, DateOnly? date)
    {
        if (date is { } d) json.WriteValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull();
    }
}

/// <summary>The team list's 200 answer, written by <see cref="InboxPageJson"/> (the API only speaks JSON, so there is
/// nothing to negotiate).</summary>
public sealed class InboxPageResult(InboxPage page) : ActionResult
{
    // A 50-row page is about 22 kB of JSON; starting there saves the buffer's doublings.
    public override Task ExecuteResultAsync(ActionContext context) =>
        PooledJsonResponse.WriteAsync(context.HttpContext.Response, page, InboxPageJson.Write, 32 * 1024);
}
