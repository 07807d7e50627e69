using System.Text;
using Newtonsoft.Json.Linq;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>Posting to the suggest endpoint from tests.</summary>
public static class SuggestApi
{
    public const string Path = "/api/v1/reply-options/suggest";

    public static async Task<(int Status, JObject Body)> PostAsync(HttpClient client, object body)
    {
        var json = body is JToken token ? token.ToString() : Newtonsoft.Json.JsonConvert.SerializeObject(body);
        var response = await client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JObject.Parse(text) : new JObject());
    }

    public static JObject Letter(string title, string text, object? recipient = null, string? documentType = null,
        bool? caseClosed = null, string? chosenOption = null) => JObject.FromObject(new
    {
        documentTitle = title,
        documentType,
        text,
        recipient,
        caseClosed,
        chosenOption,
    });

    public static bool HasCheck(JObject body, string code) => body["checks"]!.Any(c => (string)c["code"]! == code);
}
