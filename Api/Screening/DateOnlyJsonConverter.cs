using System.Globalization;
using Newtonsoft.Json;

namespace SmartPost.Api.Screening;

/// <summary>Writes and reads <see cref="DateOnly"/> as "YYYY-MM-DD", whatever the serializer's date settings.</summary>
public sealed class DateOnlyJsonConverter : JsonConverter<DateOnly>
{
    public override void WriteJson(JsonWriter writer, DateOnly value, JsonSerializer serializer) =>
        writer.WriteValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public override DateOnly ReadJson(JsonReader reader, Type objectType, DateOnly existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var text = reader.Value switch
        {
            DateTimeOffset offset => offset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dateTime => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var other => other?.ToString(),
        };
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonSerializationException($"'{text}' is not a date (YYYY-MM-DD).");
    }
}
