using Newtonsoft.Json;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// "name": value in one call, for the hand-written JSON writers of the hot endpoints (<see cref="PooledJsonResponse"/>).
/// Each overload calls the JsonWriter method the serializer would call for that type, so the bytes stay the same.
/// </summary>
public static class JsonWriterProperties
{
    public static void Property(this JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    public static void Property(this JsonWriter json, string name, bool value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    public static void Property(this JsonWriter json, string name, int value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    public static void Property(this JsonWriter json, string name, int? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    public static void Property(this JsonWriter json, string name, long value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    public static void Property(this JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    public static void Property(this JsonWriter json, string name, DateTime value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
