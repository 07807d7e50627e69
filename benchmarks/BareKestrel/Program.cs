using System.Text.Json;

// Bare Kestrel baseline for benchmarks/http/suggest-vs-kestrel.sh: reads a JSON body and writes it back.
// No logging, auth, MVC, validation or database: what an ASP.NET Core request costs at the least on this machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/echo", (JsonElement body) => Results.Json(body));
app.Run();
