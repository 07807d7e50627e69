using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPost.Api.Recipients;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Guidance;

/// <summary>A small in-memory Digital Post register for the guidance tests (the real one is another feature's).</summary>
public sealed class TestRegister(params string[] exemptIds) : IDigitalPostRegister
{
    public List<(RecipientIdType Type, string Id)> Lookups { get; } = new();

    public bool Fail { get; init; }

    public Task<DigitalPostStatus> LookupAsync(RecipientIdType idType, string id, CancellationToken cancellationToken = default)
    {
        Lookups.Add((idType, id));
        if (Fail) throw new HttpRequestException("register down");
        var exempt = exemptIds.Contains(id);
        return Task.FromResult(new DigitalPostStatus(idType, id, exempt, true, "testregister", null,
            exempt ? "Fritaget (test)" : null));
    }
}

public static class TestRegisterExtensions
{
    public static ApiFactory WithRegister(this ApiFactory api, IDigitalPostRegister register) =>
        api.WithServices(s => s.Replace(ServiceDescriptor.Singleton(register)));
}
