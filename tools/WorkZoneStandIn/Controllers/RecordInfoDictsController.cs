using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using WorkZoneStandIn.Model;

namespace WorkZoneStandIn.Controllers;

/// <summary>PATCH of one label-keyed CustomInfos row (the "custom field as a sub-table" variant).</summary>
public sealed class RecordInfoDictsController(WorkZoneData data) : ODataController
{
    public IActionResult Patch(string key, [FromBody] Delta<RecordInfoDict>? delta)
    {
        if (delta is null || !ModelState.IsValid) return BadRequest("Ugyldige felter i ændringen.");
        var changed = delta.GetChangedPropertyNames().ToList();
        if (changed.Any(p => p is nameof(RecordInfoDict.ID) or nameof(RecordInfoDict.RecordKey_Value) or nameof(RecordInfoDict.CustomLabel_Value)))
            return BadRequest("Kun værdien kan ændres.");
        HttpContext.Items[StandInGuard.ChangedPropertiesItem] = changed;
        return data.UpdateCustomInfo(key, row => delta.Patch(row)) is null ? NotFound($"Rækken {key} findes ikke.") : NoContent();
    }
}
