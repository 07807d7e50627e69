using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace SmartPost.Api.WorkZone;

/// <summary>A WorkZone setting that does not match WorkZone's $metadata: start-up stops with this message.</summary>
public sealed class WorkZoneConfigurationException(string message) : Exception(message);

/// <summary>What the configured names resolve to in WorkZone's model; built only when every name was found.</summary>
/// <param name="HandledRowsEntitySet">Entity set of the handled sub-table's rows (from the container's navigation binding), when that variant is used.</param>
public sealed record WorkZoneModel(
    IEdmModel Edm,
    IEdmEntityType Record,
    string? HandledRowsEntitySet,
    bool WatermarkIsDate,
    bool ReceivedAtIsDate,
    bool DeadlineIsDate);

/// <summary>
/// Reads WorkZone's $metadata with <see cref="CsdlReader"/> and checks every configured name against it, so a misspelt
/// field stops start-up with a message naming the setting and the field (Danish first, English second) instead of
/// failing each write later.
/// </summary>
public static class WorkZoneModelCheck
{
    public static IEdmModel Parse(Stream metadata)
    {
        using var reader = XmlReader.Create(metadata, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        if (!CsdlReader.TryParse(reader, out var model, out IEnumerable<EdmError> errors))
        {
            throw new WorkZoneConfigurationException(
                "WorkZones $metadata kunne ikke læses / WorkZone's $metadata could not be read: "
                + string.Join("; ", errors.Take(5).Select(e => e.ErrorMessage)));
        }
        return model;
    }

    public static WorkZoneModel Check(IEdmModel model, WorkZoneOptions o)
    {
        var problems = new List<string>();
        var set = model.EntityContainer?.FindEntitySet(o.RecordsEntitySet);
        if (set is null)
        {
            throw new WorkZoneConfigurationException(Message(
                $"entity set '{o.RecordsEntitySet}' (WorkZone:RecordsEntitySet)",
                Suggest(o.RecordsEntitySet, model.EntityContainer?.EntitySets().Select(s => s.Name) ?? [])));
        }
        var record = set.EntityType;

        string? handledRows = null;
        if (o.HandledSubTable is var (navigation, column))
        {
            var nav = record.FindProperty(navigation) as IEdmNavigationProperty;
            if (nav is null || !nav.Type.IsCollection())
            {
                problems.Add(Message($"sub-table '{navigation}' (WorkZone:HandledFieldName)", Suggest(navigation, record.NavigationProperties().Select(p => p.Name))));
            }
            else
            {
                var rowType = nav.ToEntityType();
                RequireProperty(problems, rowType, column, "WorkZone:HandledFieldName", mustBeString: true);
                RequireProperty(problems, rowType, "CustomLabel_Value", "WorkZone:HandledLabel", mustBeString: true);
                handledRows = (set.FindNavigationTarget(nav) as IEdmEntitySet)?.Name;
                if (handledRows is null) problems.Add($"WorkZones model binder ikke '{navigation}' til et entity set / WorkZone's model binds '{navigation}' to no entity set (WorkZone:HandledFieldName).");
            }
        }
        else
        {
            RequireProperty(problems, record, o.HandledFieldName, "WorkZone:HandledFieldName", mustBeString: true);
        }

        var deadlineIsDate = true;
        if (!string.IsNullOrWhiteSpace(o.DeadlineFieldName))
        {
            deadlineIsDate = RequireDate(problems, record, o.DeadlineFieldName, "WorkZone:DeadlineFieldName");
        }
        if (!string.IsNullOrWhiteSpace(o.FindingKindsFieldName))
        {
            RequireProperty(problems, record, o.FindingKindsFieldName, "WorkZone:FindingKindsFieldName", mustBeString: true);
        }

        var watermarkIsDate = true;
        var receivedIsDate = true;
        if (o.Feed.Enabled)
        {
            var f = o.Feed;
            RequireProperty(problems, record, f.RecordTypeField, "WorkZone:Feed:RecordTypeField", mustBeString: true);
            RequireProperty(problems, record, f.OriginField, "WorkZone:Feed:OriginField", mustBeString: true);
            RequireProperty(problems, record, f.MainRecordField, "WorkZone:Feed:MainRecordField", mustBeString: true);
            RequireProperty(problems, record, f.CaseField, "WorkZone:Feed:CaseField", mustBeString: true);
            RequireProperty(problems, record, f.UnitField, "WorkZone:Feed:UnitField", mustBeString: true);
            RequireProperty(problems, record, "Title", "WorkZone:Feed", mustBeString: true);
            watermarkIsDate = RequireDate(problems, record, f.WatermarkField, "WorkZone:Feed:WatermarkField");
            if (!string.IsNullOrWhiteSpace(f.ReceivedAtField)) receivedIsDate = RequireDate(problems, record, f.ReceivedAtField, "WorkZone:Feed:ReceivedAtField");
            if (record.FindProperty(f.AttachmentsNavigation) is not IEdmNavigationProperty { } attachments || !attachments.Type.IsCollection())
            {
                problems.Add(Message($"navigation '{f.AttachmentsNavigation}' (WorkZone:Feed:AttachmentsNavigation)", Suggest(f.AttachmentsNavigation, record.NavigationProperties().Select(p => p.Name))));
            }
            if (record.FindProperty("Document") is not IEdmNavigationProperty)
            {
                problems.Add("Records har ingen navigation 'Document' til filindholdet / Records has no 'Document' navigation to the file content.");
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkZoneConfigurationException(
                $"WorkZone-opsætningen passer ikke til WorkZones $metadata på {o.ServiceRoot} / the WorkZone settings do not match WorkZone's $metadata:\n- "
                + string.Join("\n- ", problems));
        }
        return new WorkZoneModel(model, record, handledRows, watermarkIsDate, receivedIsDate, deadlineIsDate);
    }

    private static void RequireProperty(List<string> problems, IEdmStructuredType type, string name, string setting, bool mustBeString)
    {
        var property = type.FindProperty(name);
        if (property is not IEdmStructuralProperty structural)
        {
            problems.Add(Message($"'{name}' ({setting}) on {((IEdmSchemaType)type).Name}", Suggest(name, type.StructuralProperties().Select(p => p.Name))));
            return;
        }
        if (mustBeString && !IsString(structural.Type))
        {
            problems.Add($"Feltet '{name}' ({setting}) er ikke tekst, men {structural.Type.FullName()} / the property '{name}' ({setting}) is {structural.Type.FullName()}, not a string.");
        }
    }

    /// <summary>True for Edm.Date, false for Edm.DateTimeOffset; anything else is a problem.</summary>
    private static bool RequireDate(List<string> problems, IEdmEntityType record, string name, string setting)
    {
        if (record.FindProperty(name) is not IEdmStructuralProperty property)
        {
            problems.Add(Message($"'{name}' ({setting}) on {record.Name}", Suggest(name, record.StructuralProperties().Select(p => p.Name))));
            return true;
        }
        var kind = property.Type.PrimitiveKind();
        if (kind is not (EdmPrimitiveTypeKind.Date or EdmPrimitiveTypeKind.DateTimeOffset))
        {
            problems.Add($"Feltet '{name}' ({setting}) er ikke en dato, men {property.Type.FullName()} / the property '{name}' ({setting}) is {property.Type.FullName()}, not Edm.Date or Edm.DateTimeOffset.");
        }
        return kind != EdmPrimitiveTypeKind.DateTimeOffset;
    }

    private static bool IsString(IEdmTypeReference type) =>
        type.IsString() || (type.Definition is IEdmTypeDefinition d && d.UnderlyingType.PrimitiveKind == EdmPrimitiveTypeKind.String);

    private static string Message(string what, string? suggestion) =>
        $"WorkZone har ikke {what.Replace(" on ", " på ")} / WorkZone has no {what}"
        + (suggestion is null ? "." : $" (mente du / did you mean '{suggestion}'?)");

    /// <summary>The configured name in another case or the closest name, to make the start-up message actionable.</summary>
    private static string? Suggest(string wanted, IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase))
            ?? list.Select(n => (n, d: Distance(n.ToLowerInvariant(), wanted.ToLowerInvariant()))).Where(x => x.d <= Math.Max(2, wanted.Length / 4))
                .OrderBy(x => x.d).Select(x => x.n).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
