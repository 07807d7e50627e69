using Newtonsoft.Json;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Recipients;

namespace SmartPost.Api.Guidance;

/// <summary>
/// Reads a suggest request the way the panes send it — the camelCase field names once each, strings, booleans, option
/// names as written in the contract — and only when it is valid by every rule of <see cref="SuggestRequest"/> and the
/// action. Anything else (another spelling, a missing or blank field, an unknown option, a CPR number that is not one,
/// extra fields, broken JSON) gives null, and MVC reads the body instead: its binder, validation and Danish problem
/// details stay the one place that decides what a bad request is told. So this reader may refuse more than MVC would,
/// but never accepts something MVC refuses, and what it accepts reads to the same request.
/// </summary>
public static class SuggestRequestReader
{
    // Field names come back as these instances: reading a name allocates nothing.
    private static readonly DefaultJsonNameTable Names = NameTable(
        "documentTitle", "documentType", "text", "recipient", "caseClosed", "chosenOption",
        "idType", "id", "digitalPostExempt", "specialLawMandatesDigitalPost");

    public static SuggestRequest? TryRead(TextReader body)
    {
        using var json = new JsonTextReader(body)
        {
            ArrayPool = JsonCharPool.Instance,
            PropertyNameTable = Names,
            // Strings stay strings (MVC reads string fields without date parsing too).
            DateParseHandling = DateParseHandling.None,
            CloseInput = false,
        };
        try
        {
            return ReadRequest(json);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static SuggestRequest? ReadRequest(JsonTextReader json)
    {
        if (!json.Read() || json.TokenType != JsonToken.StartObject) return null;
        string? title = null, documentType = null, text = null;
        SuggestRecipient? recipient = null;
        bool? caseClosed = null;
        ReplyOption? chosen = null;
        var seen = new HashSet<string>(6);
        while (json.Read() && json.TokenType == JsonToken.PropertyName)
        {
            var name = (string)json.Value!;
            if (!seen.Add(name) || !json.Read()) return null;
            var ok = name switch
            {
                "documentTitle" => NonBlankString(json, out title),
                "documentType" => OptionalString(json, out documentType),
                "text" => NonBlankString(json, out text),
                "recipient" => OptionalRecipient(json, out recipient),
                "caseClosed" => OptionalBool(json, out caseClosed),
                "chosenOption" => ChoosableOption(json, out chosen),
                _ => false,
            };
            if (!ok) return null;
        }
        if (json.TokenType != JsonToken.EndObject || title is null || text is null || json.Read()) return null;
        return new SuggestRequest
        {
            DocumentTitle = title, DocumentType = documentType, Text = text,
            Recipient = recipient, CaseClosed = caseClosed, ChosenOption = chosen,
        };
    }

    private static bool OptionalRecipient(JsonTextReader json, out SuggestRecipient? recipient)
    {
        recipient = null;
        if (json.TokenType == JsonToken.Null) return true;
        if (json.TokenType != JsonToken.StartObject) return false;
        RecipientIdType? idType = null;
        string? id = null;
        bool? exempt = null, specialLaw = null;
        var seen = new HashSet<string>(4);
        while (json.Read() && json.TokenType == JsonToken.PropertyName)
        {
            var name = (string)json.Value!;
            if (!seen.Add(name) || !json.Read()) return false;
            var ok = name switch
            {
                "idType" => IdType(json, out idType),
                "id" => NonBlankString(json, out id),
                "digitalPostExempt" => OptionalBool(json, out exempt),
                "specialLawMandatesDigitalPost" => OptionalBool(json, out specialLaw),
                _ => false,
            };
            if (!ok) return false;
        }
        if (json.TokenType != JsonToken.EndObject || idType is not { } type || id is null || !RecipientId.IsValid(type, id)) return false;
        recipient = new SuggestRecipient { IdType = type, Id = id, DigitalPostExempt = exempt, SpecialLawMandatesDigitalPost = specialLaw };
        return true;
    }

    /// <summary>[Required(AllowEmptyStrings = false)]: present, a string, not only white space.</summary>
    private static bool NonBlankString(JsonTextReader json, out string? value)
    {
        value = json.TokenType == JsonToken.String ? (string)json.Value! : null;
        return !string.IsNullOrWhiteSpace(value);
    }

    private static bool OptionalString(JsonTextReader json, out string? value)
    {
        value = json.TokenType == JsonToken.String ? (string)json.Value! : null;
        return json.TokenType is JsonToken.String or JsonToken.Null;
    }

    private static bool OptionalBool(JsonTextReader json, out bool? value)
    {
        value = json.TokenType == JsonToken.Boolean ? (bool)json.Value! : null;
        return json.TokenType is JsonToken.Boolean or JsonToken.Null;
    }

    /// <summary>The caseworker chooses WithReply or WithoutReply; PhysicalMail is the register's to decide (a 400).</summary>
    private static bool ChoosableOption(JsonTextReader json, out ReplyOption? value)
    {
        value = json.TokenType switch
        {
            JsonToken.String when (string)json.Value! == nameof(ReplyOption.WithReply) => ReplyOption.WithReply,
            JsonToken.String when (string)json.Value! == nameof(ReplyOption.WithoutReply) => ReplyOption.WithoutReply,
            _ => null,
        };
        return value is not null || json.TokenType == JsonToken.Null;
    }

    private static bool IdType(JsonTextReader json, out RecipientIdType? value)
    {
        value = json.TokenType switch
        {
            JsonToken.String when (string)json.Value! == nameof(RecipientIdType.CPR) => RecipientIdType.CPR,
            JsonToken.String when (string)json.Value! == nameof(RecipientIdType.CVR) => RecipientIdType.CVR,
            _ => null,
        };
        return value is not null;
    }

    private static DefaultJsonNameTable NameTable(params string[] names)
    {
        var table = new DefaultJsonNameTable();
        foreach (var name in names) table.Add(name);
        return table;
    }
}
