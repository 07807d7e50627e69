using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.ModelBuilder;
using WorkZoneStandIn.Controllers;
using WorkZoneStandIn.Model;

namespace WorkZoneStandIn;

/// <summary>
/// The running stand-in: OData 4 service at <see cref="ServiceRoot"/> over the EDM model read from the CSDL, token
/// issuer at <see cref="Authority"/> (https, self-signed <see cref="AuthorityCertificate"/>), admin endpoints under /admin.
/// Started by <c>dotnet run</c> or in-process by the integration tests.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        AuthorityCertificate = certificate;
    }

    public Uri BaseUrl { get; private set; } = null!;
    public Uri ServiceRoot => new(BaseUrl, "OData4/");
    public string Authority => Issuer.Authority;
    public X509Certificate2 AuthorityCertificate { get; }
    public WorkZoneData Data => _app.Services.GetRequiredService<WorkZoneData>();
    public Faults Faults => _app.Services.GetRequiredService<Faults>();
    public RequestLog Requests => _app.Services.GetRequiredService<RequestLog>();
    public TokenIssuer Issuer => _app.Services.GetRequiredService<TokenIssuer>();
    public StandInOptions Options => _app.Services.GetRequiredService<StandInOptions>();

    public static IEdmModel LoadModel()
    {
        using var stream = typeof(StandInServer).Assembly.GetManifestResourceStream("WorkZoneStandIn.workzone-odata4.csdl.xml")!;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var model = CsdlReader.Parse(reader);
        // The model comes from WorkZone's CSDL, not from CLR types: tell OData which generated class backs each type.
        foreach (var type in model.SchemaElements.OfType<IEdmEntityType>())
        {
            var clr = typeof(Record).Assembly.GetType($"{typeof(Record).Namespace}.{type.Name}")
                ?? throw new InvalidOperationException($"No class for entity type {type.Name}: run generate-entities.py.");
            model.SetAnnotationValue(type, new ClrTypeAnnotation(clr));
        }
        foreach (var definition in model.SchemaElements.OfType<IEdmTypeDefinition>())
        {
            model.SetAnnotationValue(definition, new ClrTypeAnnotation(typeof(string)));
        }
        return model;
    }

    public static async Task<StandInServer> StartAsync(StandInOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(StandInServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var certificate = CreateCertificate(options.Host);
        builder.WebHost.ConfigureKestrel(k =>
        {
            var address = IPAddress.TryParse(options.Host, out var ip) ? ip : IPAddress.Loopback;
            k.Listen(address, options.Port);
            k.Listen(address, options.AuthorityPort, l => l.UseHttps(certificate));
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkZoneData>();
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<TokenIssuer>();
        // Admin answers use WorkZone's property names as they are (RecordIdDict has both "ID" and "Id").
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = null);
        builder.Services.AddControllers()
            .AddApplicationPart(typeof(RecordsController).Assembly)
            .AddOData(o => o.AddRouteComponents("OData4", LoadModel())
                .Select().Filter().OrderBy().Count().Expand().SetMaxTop(1000).SkipToken());

        var app = builder.Build();
        app.UseMiddleware<StandInGuard>();
        app.MapControllers();
        app.MapGet("/OData4/Records('{key}')/Document/$value", (string key, WorkZoneData data) =>
            data.Content(key) is { } content
                ? Results.Bytes(content.Bytes, content.MediaType)
                : Results.Json(new { error = new { code = "NotFound", message = $"Akten {key} findes ikke." } }, statusCode: 404));
        var issuer = app.Services.GetRequiredService<TokenIssuer>();
        app.MapGet(TokenIssuer.PathPrefix + "/.well-known/openid-configuration", () => Results.Json(issuer.Metadata()));
        app.MapPost(TokenIssuer.PathPrefix + "/oauth2/v2.0/token", async (HttpRequest request) => issuer.Token(await request.ReadFormAsync()));
        app.MapGet(TokenIssuer.PathPrefix + "/discovery/v2.0/keys", () => Results.Json(new { keys = Array.Empty<object>() }));
        AdminEndpoints.Map(app);

        await app.StartAsync();
        var server = new StandInServer(app, certificate);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var http = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        var https = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)));
        server.BaseUrl = new Uri($"http://{options.Host}:{http.Port}/");
        issuer.Authority = $"https://{options.Host}:{https.Port}{TokenIssuer.PathPrefix}/";
        issuer.AppIdUri = server.BaseUrl.ToString().TrimEnd('/');
        DemoSeed.Seed(server.Data, options);
        return server;
    }

    /// <summary>Self-signed certificate for the https authority (MSAL accepts nothing else); trusted only by who is told.</summary>
    private static X509Certificate2 CreateCertificate(string host)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        if (IPAddress.TryParse(host, out var ip)) san.AddIpAddress(ip); else san.AddDnsName(host);
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
