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
        json.WritePropertyName("team");
        json.WriteValue(page.Team);
        json.WritePropertyName("status");
        json.WriteValue(page.Status);
        json.WritePropertyName("items");
        json.WriteStartArray();
        foreach (var item in page.Items) Write(json, item);
        json.WriteEndArray();
        json.WritePropertyName("nextCursor");
        json.WriteValue(page.NextCursor);
        json.WritePropertyName("totals");
        Write(json, page.Totals);
        json.WritePropertyName("screeningEstimateMinutes");
        json.WriteValue(page.ScreeningEstimateMinutes);
        json.WritePropertyName("screeningWindow");
        if (page.ScreeningWindow is { } window)
        {
            json.WriteStartObject();
            json.WritePropertyName("from");
            json.WriteValue(window.From);
            json.WritePropertyName("to");
            json.WriteValue(window.To);
            json.WriteEndObject();
        }
        else json.WriteNull();
        json.WritePropertyName("screener");
        if (page.Screener is { } screener)
        {
            json.WriteStartObject();
            json.WritePropertyName("person");
            json.WriteValue(screener.Person);
            json.WritePropertyName("isSubstitute");
            json.WriteValue(screener.IsSubstitute);
            json.WritePropertyName("reason");
            json.WriteValue(screener.Reason);
            json.WritePropertyName("scheduled");
            json.WriteValue(screener.Scheduled);
            json.WritePropertyName("because");
            json.WriteValue(screener.Because);
            json.WriteEndObject();
        }
        else json.WriteNull();
        json.WriteEndObject();
    }

    private static void Write(JsonWriter json, FlagTotals totals)
    {
        json.WriteStartObject();
        json.WritePropertyName("all");
        json.WriteValue(totals.All);
        json.WritePropertyName("accessToRecordsRequest");
        json.WriteValue(totals.AccessToRecordsRequest);
        json.WritePropertyName("complaint");
        json.WriteValue(totals.Complaint);
        json.WritePropertyName("deadlineExtensionRequest");
        json.WriteValue(totals.DeadlineExtensionRequest);
        json.WritePropertyName("needsManualScreening");
        json.WriteValue(totals.NeedsManualScreening);
        json.WritePropertyName("unscreened");
        json.WriteValue(totals.Unscreened);
        json.WriteEndObject();
    }

    private static void Write(JsonWriter json, ReplyListItem item)
    {
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(item.Id);
        json.WritePropertyName("team");
        json.WriteValue(item.Team);
        json.WritePropertyName("receivedAt");
        json.WriteValue(item.ReceivedAt);
        json.WritePropertyName("subject");
        json.WriteValue(item.Subject);
        json.WritePropertyName("caseNumber");
        json.WriteValue(item.CaseNumber);
        json.WritePropertyName("sender");
        json.WriteStartObject();
        json.WritePropertyName("idType");
        json.WriteValue(item.Sender.IdType);
        json.WritePropertyName("id");
        json.WriteValue(item.Sender.Id);
        json.WriteEndObject();
        json.WritePropertyName("flags");
        json.WriteStartArray();
        foreach (var flag in item.Flags)
        {
            json.WriteStartObject();
            json.WritePropertyName("kind");
            json.WriteValue(flag.Kind);
            json.WritePropertyName("subKind");
            json.WriteValue(flag.SubKind);
            json.WritePropertyName("dueDate");
            WriteDate(json, flag.DueDate);
            json.WritePropertyName("certainty");
            json.WriteValue(flag.Certainty);
            json.WritePropertyName("verdict");
            json.WriteValue(flag.Verdict);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("dueDate");
        WriteDate(json, item.DueDate);
        json.WritePropertyName("needsManualScreening");
        json.WriteValue(item.NeedsManualScreening);
        json.WritePropertyName("routing");
        json.WriteValue(item.Routing);
        json.WritePropertyName("routingReason");
        json.WriteValue(item.RoutingReason);
        json.WritePropertyName("screened");
        Write(json, item.Screened);
        json.WritePropertyName("claim");
        if (item.Claim is { } claim)
        {
            json.WriteStartObject();
            json.WritePropertyName("by");
            json.WriteValue(claim.By);
            json.WritePropertyName("since");
            json.WriteValue(claim.Since);
            json.WritePropertyName("expiresAt");
            json.WriteValue(claim.ExpiresAt);
            json.WriteEndObject();
        }
        else json.WriteNull();
        json.WritePropertyName("handled");
        Write(json, item.Handled);
        json.WritePropertyName("eTag");
        json.WriteValue(item.ETag);
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
        json.WritePropertyName("by");
        json.WriteValue(done.By);
        json.WritePropertyName("at");
        json.WriteValue(done.At);
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
    public InboxPage Page => page;

    // A 50-row page is about 22 kB of JSON; starting there saves the buffer's doublings.
    public override Task ExecuteResultAsync(ActionContext context) =>
        PooledJsonResponse.WriteAsync(context.HttpContext.Response, page, InboxPageJson.Write, 32 * 1024);
}
