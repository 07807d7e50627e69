using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SmartPost.Api.Guidance;
using SmartPost.Api.Tests.Infrastructure;
using SmartPost.EvaluateLetters;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>
/// Ordinary suggest requests are answered without MVC (<see cref="SuggestFastPath"/>); the answer must be the one MVC
/// gives, byte for byte, and everything unusual must still reach the controller.
/// </summary>
public class SuggestFastPathTests
{
    [Fact]
    public async Task EverySampleLetterGetsByteForByteTheAnswerMvcGives()
    {
        var actions = new ActionCounter();
        using var api = new ApiFactory().WithServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(actions)));
        var fast = api.CreateCaseworkerClient();
        var mvc = api.CreateCaseworkerClient();
        // An Accept header the fast path leaves to MVC's content negotiation.
        mvc.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        var letters = 0;
        foreach (var file in new[] { "sample-letters.jsonl", "sample-checks.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(LetterCorpus.Folder, file)).Where(l => l.Trim().Length > 0).Select(JObject.Parse))
            {
                var request = new JObject();
                foreach (var field in new[] { "documentTitle", "documentType", "text", "recipient", "caseClosed", "chosenOption" }) request[field] = line[field];
                var json = request.ToString(Formatting.None);
                var viaFastPath = await PostAsync(fast, json);
                var viaMvc = await PostAsync(mvc, json);
                Assert.Equal(viaMvc, viaFastPath);
                letters++;
            }
        }
        // Only the MVC client's requests ran the action.
        Assert.Equal(letters, actions.Count);
    }

    [Fact]
    public void SuggestionJsonWritesWhatTheApiSerializerWritesForEveryCorpusLetter()
    {
        using var api = new ApiFactory();
        var serializer = JsonSerializer.Create(api.Services.GetRequiredService<IOptions<MvcNewtonsoftJsonOptions>>().Value.SerializerSettings);
        foreach (var letter in LetterCorpus.All)
        {
            var standing = letter.Standing;
            var suggestion = TestEngine.Shipped.Suggest(letter.Facts, standing, letter.ChosenOption);
            var expected = new StringWriter();
            serializer.Serialize(expected, suggestion);
            var actual = new StringWriter();
            using (var writer = new JsonTextWriter(actual)) SuggestionJson.Write(writer, suggestion);
            Assert.Equal(expected.ToString(), actual.ToString());
        }
    }

    [Fact]
    public async Task RequestWithFieldNamesSpelledDifferentlyIsAnsweredByTheController()
    {
        var actions = new ActionCounter();
        using var api = new ApiFactory().WithServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(actions)));
        var client = api.CreateCaseworkerClient();
        var camel = await PostAsync(client, """{"documentTitle":"Anmodning om pas","text":"Vi beder dig sende en kopi af dit pas."}""");
        var pascal = await PostAsync(client, """{"DocumentTitle":"Anmodning om pas","Text":"Vi beder dig sende en kopi af dit pas."}""");

        Assert.StartsWith("200 ", camel);
        Assert.Equal(camel, pascal);
        Assert.Equal(1, actions.Count);
    }

    [Theory]
    [InlineData("""{"documentTitle":"Afgørelse","text":"Vi giver dig afslag."}""", true)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"Vi giver dig afslag.","documentType":null,"recipient":null,"caseClosed":null,"chosenOption":null}""", true)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","recipient":{"idType":"CVR","id":"12345678","digitalPostExempt":true}}""", true)]
    [InlineData("""{"documentTitle":" ","text":"Vi giver dig afslag."}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse"}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","chosenOption":"PhysicalMail"}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","chosenOption":"withReply"}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","chosenOption":0}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","recipient":{"idType":"CPR","id":"311399-1234"}}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","recipient":{"id":"0101901234"}}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","caseClosed":"true"}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","text":"y"}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x","extra":1}""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x"} trailing""", false)]
    [InlineData("""{"documentTitle":"Afgørelse","text":"x" """, false)]
    [InlineData("""["documentTitle"]""", false)]
    public void ReaderTakesOnlyPlainValidRequestsAndLeavesTheRestToMvc(string body, bool taken)
    {
        var request = SuggestRequestReader.TryRead(new StringReader(body));
        Assert.Equal(taken, request is not null);
    }

    [Fact]
    public void ReaderReadsEveryFieldAsMvcWould()
    {
        var body = """{"documentTitle":"2026-12-05T09:14:00+01:00","documentType":"Brev","text":"Hej \"du\"\n","caseClosed":true,"chosenOption":"WithoutReply","recipient":{"idType":"CPR","id":"010190-1234","digitalPostExempt":null,"specialLawMandatesDigitalPost":true}}""";
        var request = SuggestRequestReader.TryRead(new StringReader(body))!;
        var expected = JsonConvert.DeserializeObject<SuggestRequest>(body, ApiSettings())!;

        Assert.Equal(JsonConvert.SerializeObject(expected, ApiSettings()), JsonConvert.SerializeObject(request, ApiSettings()));
        Assert.Equal("2026-12-05T09:14:00+01:00", request.DocumentTitle);
    }

    /// <summary>
    /// The reader knows every field of the request and every rule on it. A field or a validation attribute added to
    /// <see cref="SuggestRequest"/> would otherwise pass the fast path unchecked: add it to SuggestRequestReader, then here.
    /// </summary>
    [Fact]
    public void ReaderKnowsEveryRequestFieldAndRule()
    {
        static IEnumerable<string> Fields(Type type) => type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Select(p => $"{type.Name}.{p.Name}: {p.PropertyType.Name}{string.Concat(p.GetCustomAttributes(true).OfType<System.ComponentModel.DataAnnotations.ValidationAttribute>().Select(a => " " + a.GetType().Name))}");

        var fields = Fields(typeof(SuggestRequest)).Concat(Fields(typeof(SuggestRecipient))).Order().ToList();

        Assert.Equal(
        [
            "SuggestRecipient.DigitalPostExempt: Nullable`1",
            "SuggestRecipient.Id: String RequiredAttribute",
            "SuggestRecipient.IdType: Nullable`1 RequiredAttribute",
            "SuggestRecipient.SpecialLawMandatesDigitalPost: Nullable`1",
            "SuggestRequest.CaseClosed: Nullable`1",
            "SuggestRequest.ChosenOption: Nullable`1",
            "SuggestRequest.DocumentTitle: String RequiredAttribute",
            "SuggestRequest.DocumentType: String",
            "SuggestRequest.Recipient: SuggestRecipient",
            "SuggestRequest.Text: String RequiredAttribute",
        ], fields);
    }

    private static JsonSerializerSettings ApiSettings()
    {
        var settings = new JsonSerializerSettings();
        Api.Infrastructure.ApiPlumbing.Configure(settings);
        return settings;
    }

    private static async Task<string> PostAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync(SuggestApi.Path, new StringContent(json, Encoding.UTF8, "application/json"));
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Content.Headers.ContentLength} {await response.Content.ReadAsStringAsync()}";
    }

    private sealed class ActionCounter : IActionFilter
    {
        private int _count;
        public int Count => _count;
        public void OnActionExecuting(ActionExecutingContext context) => Interlocked.Increment(ref _count);
        public void OnActionExecuted(ActionExecutedContext context) { }
    }
}
