using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SmartPost.Api.Tests.Identity;

/// <summary>
/// Entra ID and Microsoft Graph stand-in over real HTTP (Kestrel on 127.0.0.1, random port): OpenID metadata and
/// JWKS for a test RSA key, the v2.0 token endpoint (on-behalf-of), and recorded-style Graph JSON for group
/// membership (paged with @odata.nextLink) and mailbox automatic replies. Failures can be queued (429, 5xx).
/// </summary>
public sealed class FakeMicrosoftCloud : IAsyncDisposable
{
    public const string TenantId = "4b7c2a55-8f0e-4c1e-9a51-2d9f6e0b7a11";
    public const string ClientId = "0f3a9e1d-6b2c-4d8e-8f7a-5c4b3a2d1e0f";
    public const string Audience = "api://localhost:5080/" + ClientId;
    public const string Issuer = "https://login.microsoftonline.com/" + TenantId + "/v2.0";
    public const int GroupPageSize = 2;

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);

    public FakeMicrosoftCloud()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Path.StartsWithSegments("/v1.0") && GraphFailures.TryDequeue(out var failure))
            {
                await failure(context.Response);
                return;
            }
            await next(context);
        });
        FakeEntraEndpoints.Map(_app, this);
        FakeGraphEndpoints.Map(_app, this);
    }

    public RsaSecurityKey SigningKey { get; }
    public Uri BaseUri { get; private set; } = null!;
    public string MetadataAddress => $"{BaseUri}{TenantId}/v2.0/.well-known/openid-configuration";
    public string GraphBaseUrl => $"{BaseUri}v1.0";

    /// <summary>Every request as "METHOD /path?query", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The form bodies the token endpoint received.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Answers for the next Graph requests, one each, before the normal answer (e.g. a 429).</summary>
    public ConcurrentQueue<Func<HttpResponse, Task>> GraphFailures { get; } = new();

    /// <summary>When set, every Graph request fails with this status (Graph is down).</summary>
    public int? GraphDownStatus { get; set; }

    /// <summary>When set, only the mailbox settings endpoints fail with this status.</summary>
    public int? MailboxSettingsDownStatus { get; set; }

    /// <summary>Entra object id → the group ids Graph lists as that user's transitive memberships.</summary>
    public ConcurrentDictionary<string, string[]> GroupsByUser { get; } = new();

    /// <summary>User id → recorded automaticRepliesSetting JSON (absent: disabled).</summary>
    public ConcurrentDictionary<string, string> AutomaticReplies { get; } = new();

    public static async Task<FakeMicrosoftCloud> StartAsync()
    {
        var cloud = new FakeMicrosoftCloud();
        await cloud._app.StartAsync();
        var address = cloud._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        cloud.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return cloud;
    }

    public static Func<HttpResponse, Task> Status(int status, string? retryAfterSeconds = null) => response =>
    {
        response.StatusCode = status;
        if (retryAfterSeconds is not null) response.Headers.RetryAfter = retryAfterSeconds;
        response.ContentType = "application/json";
        var code = status == 429 ? "TooManyRequests" : "ServiceUnavailable";
        return response.WriteAsync("{\"error\":{\"code\":\"" + code + "\",\"message\":\"Simulated failure.\"}}");
    };

    /// <summary>A caseworker's access token as Entra ID would issue it for the task pane (v2.0).</summary>
    public string CreateToken(string oid, string? audience = Audience, string issuer = Issuer, string? scope = "access_as_user",
        DateTime? expires = null, string[]? roles = null, SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["oid"] = oid, ["sub"] = "pairwise-" + oid, ["tid"] = TenantId, ["ver"] = "2.0",
            ["preferred_username"] = oid + "@fstyr.example", ["name"] = "Test " + oid,
        };
        if (scope is not null) claims["scp"] = scope;
        if (roles is not null) claims["roles"] = roles;
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
