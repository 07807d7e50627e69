using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// Model-binding and validation errors in the caseworker's words. ASP.NET Core and Newtonsoft.Json report a bad
/// value as "Error converting value "X" to type 'System.Nullable`1[SmartPost.Api.Guidance.ReplyOption]'. Path …";
/// the panes show problem details to people, so each message is rewritten to Danish naming the field and, for a
/// choice, the allowed values. Messages the API wrote itself (already Danish) pass through unchanged.
/// </summary>
public static partial class DanishModelErrors
{
    public static Dictionary<string, string[]> From(ModelStateDictionary modelState)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0) continue;
            var field = FieldName(key);
            errors[key] = entry.Errors.Select(e => Translate(field, e)).Distinct().ToArray();
        }
        // A body that could not be read also reports its parameter as "required": the real cause is enough.
        if (errors.Count > 1)
        {
            foreach (var key in errors.Where(e => e.Value.All(m => m == BodyRequired)).Select(e => e.Key).ToList()) errors.Remove(key);
        }
        return errors;
    }

    private const string BodyRequired = "Forespørgslen mangler indhold (JSON).";

    private static string Translate(string field, ModelError error)
    {
        var message = error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception?.Message ?? "";
        if (ToType().Match(message) is { Success: true } conversion) return InvalidValue(field, conversion.Groups["type"].Value);
        if (ConvertString().Match(message) is { Success: true } convert) return InvalidValue(field, convert.Groups["type"].Value);
        if (JsonSyntax().IsMatch(message))
        {
            var at = LinePosition().Match(message);
            return at.Success
                ? $"Forespørgslen er ikke gyldig JSON (linje {at.Groups["line"].Value}, position {at.Groups["position"].Value})."
                : "Forespørgslen er ikke gyldig JSON.";
        }
        if (message.StartsWith("A non-empty request body is required", StringComparison.Ordinal)) return BodyRequired;
        if (Required().Match(message) is { Success: true } required)
            return IsBodyParameter(required.Groups["field"].Value) ? BodyRequired : "Feltet skal udfyldes.";
        if (MaxLength().Match(message) is { Success: true } max) return $"Højst {max.Groups["n"].Value} tegn.";
        if (MinLength().Match(message) is { Success: true } min) return $"Mindst {min.Groups["n"].Value} tegn.";
        if (Between().Match(message) is { Success: true } range) return $"Skal være mellem {range.Groups["a"].Value} og {range.Groups["b"].Value}.";
        if (ValueNotValid().Match(message) is { Success: true } invalid) return $"Værdien '{invalid.Groups["value"].Value}' er ugyldig for '{field}'.";
        if (message.Contains("is invalid", StringComparison.Ordinal) || message.Contains("is not valid", StringComparison.Ordinal))
            return $"Ugyldig værdi for '{field}'.";
        // Anything else that still smells of .NET is replaced rather than shown.
        return message.Contains('`') || message.Contains("System.", StringComparison.Ordinal) || message.Contains("SmartPost.", StringComparison.Ordinal)
            ? $"Ugyldig værdi for '{field}'."
            : message;
    }

    private static string InvalidValue(string field, string typeName)
    {
        var type = ResolveType(typeName);
        if (type is { IsEnum: true })
            return $"Ugyldig værdi for '{field}'. Tilladte værdier: {string.Join(", ", Enum.GetNames(type))}.";
        return Simple(typeName) switch
        {
            "DateOnly" => $"Ugyldig dato for '{field}'. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-05.",
            "DateTime" or "DateTimeOffset" => $"Ugyldigt tidspunkt for '{field}'. Skriv det som fx 2026-12-05T09:14:00+01:00.",
            "Int32" or "Int64" or "Int16" or "integer" or "Double" or "double" or "Decimal" or "decimal" or "Single" => $"'{field}' skal være et tal.",
            "Boolean" or "boolean" => $"'{field}' skal være true eller false.",
            "Guid" => $"'{field}' skal være et gyldigt id.",
            "String" => $"'{field}' skal være en tekst.",
            _ => $"Ugyldig værdi for '{field}'.",
        };
    }

    /// <summary>"System.Nullable`1[SmartPost.Api.Guidance.ReplyOption]" → the ReplyOption type.</summary>
    private static Type? ResolveType(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } inner ? inner.Groups["inner"].Value : typeName;
        return typeof(DanishModelErrors).Assembly.GetType(name) ?? Type.GetType(name);
    }

    private static string Simple(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } inner ? inner.Groups["inner"].Value : typeName;
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>"$.recipient.idType" / "request.chosenOption" / "chosenOption" → "recipient.idType" / "chosenOption".</summary>
    private static string FieldName(string key)
    {
        var field = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        return field.StartsWith("request.", StringComparison.Ordinal) ? field["request.".Length..] : field;
    }

    private static bool IsBodyParameter(string field) => field is "request" or "body";

    [GeneratedRegex(@"to type '(?<type>[^']+)'")]
    private static partial Regex ToType();

    [GeneratedRegex(@"Could not convert string to (?<type>[\w.]+)")]
    private static partial Regex ConvertString();

    [GeneratedRegex(@"^(Unexpected character|Unexpected end|Unterminated string|After parsing a value|Invalid character|Invalid property identifier|Error reading|Bad JSON escape|Input string .* is not a valid)")]
    private static partial Regex JsonSyntax();

    [GeneratedRegex(@"line (?<line>\d+), position (?<position>\d+)")]
    private static partial Regex LinePosition();

    [GeneratedRegex(@"^The (?<field>.+) field is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"maximum length of '?(?<n>\d+)'?")]
    private static partial Regex MaxLength();

    [GeneratedRegex(@"minimum length of '?(?<n>\d+)'?")]
    private static partial Regex MinLength();

    [GeneratedRegex(@"^The field .+ must be between (?<a>\S+) and (?<b>\S+)\.$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^The value '(?<value>.*)' is not valid")]
    private static partial Regex ValueNotValid();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
