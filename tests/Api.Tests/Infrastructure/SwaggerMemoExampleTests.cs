using Newtonsoft.Json.Linq;
using SmartPost.Api.Tests.Memo;

namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>Every MeMo message Swagger shows (request and response examples) is valid MeMo 1.1 by the official XSD.</summary>
public class SwaggerMemoExampleTests
{
    [Fact]
    public async Task EveryMemoExampleInTheSwaggerDocumentValidatesAgainstTheMemoSchema()
    {
        var doc = await SwaggerDocumentTests.LoadAsync();
        var examples = doc.Descendants().OfType<JValue>()
            .Where(v => v.Type == JTokenType.String && ((string)v!).Contains("https://DigitalPost.dk/MeMo-1"))
            .Select(v => (Path: v.Path, Xml: (string)v!))
            .ToList();

        Assert.True(examples.Count >= 2, $"expected the MeMo request and the dispatch response examples, found {examples.Count}");
        foreach (var (path, xml) in examples)
        {
            var problems = MemoSchema.Validate(xml);
            Assert.True(problems.Count == 0, $"{path}:\n{string.Join("\n", problems)}");
        }
    }
}
