using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SmartPost.Api.Guidance;
using SmartPost.Api.Infrastructure;

namespace SmartPost.Benchmarks;

/// <summary>
/// Where a whole suggest request's CPU goes inside the API, stage by stage: the request through the app's own pipeline
/// (in-process test server: the middleware, authentication, rate limiter, MVC or the fast path, no sockets), the host
/// floor (GET /health through the same pipeline), and the pieces apart (the engine, reading and writing the JSON).
/// Every stage is measured in CPU time of the process, not wall-clock time: on a machine shared with other work the
/// CPU a request uses stays put while its wall-clock time swings. Stages run in turns of 50 ms, round after round; the
/// table gives the fastest round and the median. The request is benchmarks/http/payloads/suggest.json (4,743-character
/// letter), sent with the Development identity headers, as benchmarks/http/suggest-vs-kestrel.sh sends it.
///   dotnet run -c Release --project benchmarks/Benchmarks -- suggest-pipeline [seconds]
/// </summary>
internal static class SuggestPipelineProfile
{
    public static async Task<int> RunAsync(double seconds)
    {
        var payload = Path.Combine(AppContext.BaseDirectory, "suggest.json");
        var body = await File.ReadAllBytesAsync(payload);
        var database = Path.Combine(Path.GetTempPath(), $"suggest-pipeline-{Guid.NewGuid():N}.db");
        await using var factory = new WebApplicationFactory<GuidanceEngine>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseContentRoot(ApiFolder());
            web.UseSetting("Database:SqlitePath", database);
            web.UseSetting("Database:SeedDemoData", "false");
            web.UseSetting("RateLimits:Enabled", "false");
            web.UseSetting("WorkZone:Feed:Enabled", "false");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var server = factory.Server;
        var services = server.Services;
        var engine = services.GetRequiredService<GuidanceEngine>();
        var settings = services.GetRequiredService<IOptions<MvcNewtonsoftJsonOptions>>().Value.SerializerSettings;
        var serializer = JsonSerializer.Create(settings);
        var text = Encoding.UTF8.GetString(body);
        var request = SuggestRequestReader.TryRead(new StringReader(text)) ?? throw new InvalidOperationException("payload not read");
        var letter = new LetterFacts(request.DocumentTitle, request.DocumentType, request.Text, request.CaseClosed);
        var standing = new RecipientStanding(false, false, "forespørgslen");
        var suggestion = engine.Suggest(letter, standing, request.ChosenOption);

        Task<int> Post(string accept) => Send(server, c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/v1/reply-options/suggest";
            c.Request.ContentType = "application/json";
            c.Request.Headers.Accept = accept;
            c.Request.Headers["X-Dev-User"] = "cw-bench";
            c.Request.Headers["X-Dev-Teams"] = "team-helbred";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body, writable: false);
        });
        if (await Post("application/json") != 200 || await Post("application/json, text/plain") != 200) throw new InvalidOperationException("suggest did not answer 200");

        var stages = new List<Stage>
        {
            new("GET /health (host floor)", () => Send(server, c => { c.Request.Method = "GET"; c.Request.Path = "/health"; })),
            // An Accept header the fast path leaves to MVC: the request as it was served before.
            new("suggest through MVC", () => Post("application/json, text/plain")),
            new("suggest, fast path", () => Post("application/json")),
            new("  engine alone", () => Task.FromResult(engine.Suggest(letter, standing, request.ChosenOption).Evidence.Count)),
            new("  read: Newtonsoft serializer", () =>
            {
                using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8));
                return Task.FromResult(serializer.Deserialize<SuggestRequest>(reader)!.Text.Length);
            }),
            new("  read: SuggestRequestReader", () =>
            {
                var chars = System.Buffers.ArrayPool<char>.Shared.Rent(body.Length);
                var n = Encoding.UTF8.GetChars(body, chars);
                var read = SuggestRequestReader.TryRead(new CharArrayReader(chars, n))!.Text.Length;
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
                return Task.FromResult(read);
            }),
            new("  write: Newtonsoft serializer", () =>
            {
                using var output = new PooledCharWriter(4096);
                using (var writer = new JsonTextWriter(output) { ArrayPool = JsonCharPool.Instance, CloseOutput = false }) serializer.Serialize(writer, suggestion);
                return Task.FromResult(output.Written.Length);
            }),
            new("  write: SuggestionJson", () =>
            {
                using var output = new PooledCharWriter(4096);
                using (var writer = new JsonTextWriter(output) { ArrayPool = JsonCharPool.Instance, CloseOutput = false }) SuggestionJson.Write(writer, suggestion);
                return Task.FromResult(output.Written.Length);
            }),
        };
        if (Environment.GetEnvironmentVariable("PROFILE_ONLY") is { Length: > 0 } only) stages.RemoveAll(s => !s.Name.Contains(only, StringComparison.Ordinal));
        foreach (var stage in stages) await stage.WarmAsync();
        Console.WriteLine($"load [{Load()}]");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var stage in stages) await stage.RoundAsync(TimeSpan.FromMilliseconds(50));
        }
        Console.WriteLine($"{"stage",-32} {"fastest",8} {"median",8}  (CPU µs per call, {stages[0].Rounds} rounds of 50 ms)  allocated");
        foreach (var stage in stages) Console.WriteLine(stage);
        Console.WriteLine($"load [{Load()}]");
        File.Delete(database);
        return 0;
    }

    private static async Task<int> Send(TestServer server, Action<HttpContext> configure)
    {
        var context = await server.SendAsync(configure);
        return context.Response.StatusCode;
    }

    private sealed class Stage(string name, Func<Task<int>> call)
    {
        private readonly List<double> _perCall = [];
        private long _calls, _bytes;

        public int Rounds => _perCall.Count;
        public string Name => name;

        public async Task WarmAsync()
        {
            for (var i = 0; i < 3_000; i++) await call(); // tiered compilation reaches the optimised code
        }

        public async Task RoundAsync(TimeSpan length)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long n = 0;
            while (watch.Elapsed < length)
            {
                for (var i = 0; i < 10; i++) await call();
                n += 10;
            }
            _perCall.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n);
            _calls += n;
            _bytes += GC.GetTotalAllocatedBytes() - allocated;
        }

        public override string ToString()
        {
            var sorted = _perCall.Order().ToList();
            return $"{name,-32} {sorted[0],8:F1} {sorted[sorted.Count / 2],8:F1}  {_bytes / _calls,10:N0} B";
        }
    }

    /// <summary>The Api folder of this checkout (its appsettings and rules), found upwards from the build output.</summary>
    private static string ApiFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Api", "Api.csproj"))) return Path.Combine(dir.FullName, "Api");
        }
        throw new DirectoryNotFoundException("Api/Api.csproj not found above " + AppContext.BaseDirectory);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
}
