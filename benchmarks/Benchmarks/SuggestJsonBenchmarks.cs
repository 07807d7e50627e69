using System.Text;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using SmartPost.Api.Guidance;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Recipients;

namespace SmartPost.Benchmarks;

/// <summary>
/// The JSON part of one suggest request, Newtonsoft.Json (the API's JSON, with the API's own settings) against
/// System.Text.Json (web defaults, enums as strings) on the same body and the same answer: reading the two-page
/// letter's request from UTF-8 bytes and writing the engine's suggestion to a stream, as the MVC formatters do.
/// It answers one question: does Newtonsoft alone stand between suggest and half of bare Kestrel?
///   dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*SuggestJson*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SuggestJsonBenchmarks
{
    private readonly JsonSerializerSettings _newtonsoft = new();
    private readonly JsonSerializer _newtonsoftSerializer;
    private readonly System.Text.Json.JsonSerializerOptions _stj = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };
    private byte[] _body = [];
    private Suggestion _answer = null!;
    private readonly MemoryStream _output = new();

    public SuggestJsonBenchmarks()
    {
        ApiPlumbing.Configure(_newtonsoft);
        ConverterCachingContractResolver.Apply(_newtonsoft);
        _newtonsoftSerializer = JsonSerializer.Create(_newtonsoft);
    }

    [GlobalSetup]
    public void Setup()
    {
        var guidance = new GuidanceBenchmarks();
        guidance.Setup();
        var letter = guidance.Letter;
        var request = new SuggestRequest
        {
            DocumentTitle = letter.DocumentTitle, DocumentType = letter.DocumentType, Text = letter.Text, CaseClosed = false,
            Recipient = new SuggestRecipient { IdType = RecipientIdType.CPR, Id = "010190-1234", DigitalPostExempt = false },
            ChosenOption = ReplyOption.WithoutReply,
        };
        _body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(request, _newtonsoft));
        _answer = guidance.SuggestForTwoPageLetter();
    }

    [Benchmark(Baseline = true)]
    public SuggestRequest? NewtonsoftRead()
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(_body), Encoding.UTF8));
        return _newtonsoftSerializer.Deserialize<SuggestRequest>(reader);
    }

    [Benchmark]
    public SuggestRequest? SystemTextJsonRead() => System.Text.Json.JsonSerializer.Deserialize<SuggestRequest>(_body, _stj);

    [Benchmark]
    public long NewtonsoftWrite()
    {
        _output.SetLength(0);
        using (var writer = new StreamWriter(_output, new UTF8Encoding(false), 1024, leaveOpen: true))
        {
            _newtonsoftSerializer.Serialize(writer, _answer);
        }
        return _output.Length;
    }

    [Benchmark]
    public long SystemTextJsonWrite()
    {
        _output.SetLength(0);
        System.Text.Json.JsonSerializer.Serialize(_output, _answer, _stj);
        return _output.Length;
    }
}
