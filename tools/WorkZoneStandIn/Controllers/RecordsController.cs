using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using WorkZoneStandIn.Model;

namespace WorkZoneStandIn.Controllers;

/// <summary>
/// The Records entity set by ASP.NET Core OData's conventions: list with $filter/$orderby/$select/$top and 50 per page
/// (continuation by $skiptoken), one record, PATCH (only the properties sent; If-Match when ETags are on), attachments
/// (RecordsByMainRecord) and the label-keyed CustomInfos rows.
/// </summary>
public sealed class RecordsController(WorkZoneData data, StandInOptions options) : ODataController
{
    public const int PageSize = 50;

    [EnableQuery(PageSize = PageSize, MaxTop = 1000, MaxNodeCount = 500)]
    public IQueryable<Record> Get() => data.Snapshot().AsQueryable();

    [EnableQuery]
    public IActionResult Get(string key)
    {
        if (data.Find(key) is not { } found) return NotFound($"Akten {key} findes ikke.");
        if (options.ETags) Response.Headers.ETag = ETag(found.Version);
        return Ok(SingleResult.Create(new[] { found.Record }.AsQueryable()));
    }

    public IActionResult Patch(string key, [FromBody] Delta<Record>? delta)
    {
        if (delta is null || !ModelState.IsValid) return BadRequest("Ugyldige felter i ændringen.");
        if (delta.GetChangedPropertyNames().Contains(nameof(Record.ID))) return BadRequest("ID kan ikke ændres.");
        int? expected = null;
        if (options.ETags && Request.Headers.IfMatch.FirstOrDefault() is { } ifMatch && ifMatch != "*")
        {
            expected = ParseETag(ifMatch);
            if (expected is null) return StatusCode(412);
        }
        HttpContext.Items[StandInGuard.ChangedPropertiesItem] = delta.GetChangedPropertyNames().ToList();
        return data.Update(key, r => delta.Patch(r), expected) switch
        {
            WorkZoneData.UpdateOutcome.Missing => NotFound($"Akten {key} findes ikke."),
            WorkZoneData.UpdateOutcome.Stale => StatusCode(412),
            _ => NoContent(),
        };
    }

    [EnableQuery(PageSize = PageSize)]
    public IActionResult GetRecordsByMainRecord(string key) =>
        data.Find(key) is null ? NotFound($"Akten {key} findes ikke.")
            : Ok(data.Snapshot().Where(r => r.PrimaryRecordKey_Value == key).AsQueryable());

    [EnableQuery(PageSize = PageSize)]
    public IActionResult GetCustomInfos(string key) =>
        data.Find(key) is null ? NotFound($"Akten {key} findes ikke.") : Ok(data.CustomInfos(key).AsQueryable());

    public IActionResult PostToCustomInfos(string key, [FromBody] RecordInfoDict? info)
    {
        if (info is null || string.IsNullOrWhiteSpace(info.CustomLabel_Value)) return BadRequest("CustomLabel_Value mangler.");
        HttpContext.Items[StandInGuard.ChangedPropertiesItem] = new List<string> { nameof(info.CustomLabel_Value), nameof(info.Info_Value) };
        return data.AddCustomInfo(key, info) is { } created ? Created(created) : NotFound($"Akten {key} findes ikke.");
    }

    public static string ETag(int version) => $"W/\"{version}\"";

    private static int? ParseETag(string etag) =>
        etag.StartsWith("W/\"", StringComparison.Ordinal) && etag.EndsWith('"') && int.TryParse(etag[3..^1], out var v) ? v : null;
}
