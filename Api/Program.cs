using SmartPost.Api.Addin;
using SmartPost.Api.Calendar;
using SmartPost.Api.Dispatch;
using SmartPost.Api.Guidance;
using SmartPost.Api.Infrastructure;
using SmartPost.Api.Infrastructure.BulkWork;
using SmartPost.Api.Infrastructure.Database;
using SmartPost.Api.Infrastructure.Health;
using SmartPost.Api.Infrastructure.Telemetry;
using SmartPost.Api.Recipients;
using SmartPost.Api.Replies;
using SmartPost.Api.Retention;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Teams;

var builder = WebApplication.CreateBuilder(args);

// Cross-cutting: JSON (Newtonsoft, camelCase, enums as strings), problem details, auth, Swagger, database.
builder.Services.AddApiPlumbing(builder.Environment);
builder.Services.AddCaseworkerAuthentication(builder.Environment);
builder.Services.AddSwaggerDocs();
builder.Services.AddDatabase(builder.Configuration);

// Running it: health probes, OpenTelemetry, ingest behind the caseworkers (bulk work), rate limits, security headers.
builder.Services.AddHealth(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddBulkWork(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddSecurityHeaders();

// Features: each folder registers its own services and options.
builder.Services.AddCalendar(builder.Configuration);
builder.Services.AddGuidance(builder.Configuration);
builder.Services.AddRecipients(builder.Configuration);
builder.Services.AddDispatch(builder.Configuration);
builder.Services.AddScreening(builder.Configuration);
builder.Services.AddScreeningModel(builder.Configuration);
builder.Services.AddReplies(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddAddinHosting(builder.Configuration);

var app = builder.Build();

// Schema migrations and (in Development) demo data, before the first request.
await app.PrepareDatabaseAsync();

app.UseSecurityHeaders();
app.UseApiPlumbing();
app.UseSwaggerDocs();
app.UseAddinHosting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // after authentication: limits are per signed-in caller; bulk admission queues ingest here
app.UseSuggestFastPath(); // ordinary suggest requests answered without MVC; the rest fall through to the controller

app.MapControllers();
app.MapHealth();
app.MapTelemetry();
app.MapFallback(ApiPlumbing.NotFound);

app.Run();

/// <summary>Entry point; public so the test host (WebApplicationFactory) can find it.</summary>
public partial class Program;
