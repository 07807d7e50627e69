using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;

namespace SmartPost.Api.WorkZone;

/// <summary>
/// WorkZone's model, read once from $metadata and checked against the settings (<see cref="WorkZoneModelCheck"/>).
/// Until it has been read (WorkZone down at start-up), every caller tries again, so writes and the feed wait.
/// </summary>
public sealed class WorkZoneModelSource(IServiceProvider services, IOptions<WorkZoneOptions> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkZoneModel? _model;

    public async Task<WorkZoneModel> GetAsync(CancellationToken ct)
    {
        if (_model is { } ready) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (_model is null)
            {
                var client = services.GetRequiredService<WorkZoneClient>();
                var metadata = await client.GetBytesAsync("$metadata", ct)
                    ?? throw new WorkZoneConfigurationException($"WorkZone har ingen $metadata på {client.ServiceRoot} (404); er WorkZone:BaseUrl serverens rod? / no $metadata at {client.ServiceRoot}: is WorkZone:BaseUrl the server root?");
                _model = WorkZoneModelCheck.Check(WorkZoneModelCheck.Parse(new MemoryStream(metadata.Bytes)), options.Value);
            }
            return _model;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// Start-up: refuses authentication mode None outside Development, then reads and checks WorkZone's $metadata. A
/// setting that does not match the model stops the API with a message naming it; WorkZone being unreachable does not
/// (the check is repeated before the first write or poll).
/// </summary>
public sealed class WorkZoneStartupCheck(
    IOptions<WorkZoneOptions> options, IHostEnvironment environment, WorkZoneModelSource models, WorkZoneStatus status,
    ILogger<WorkZoneStartupCheck> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured) return;
        if (o.Auth.Mode == WorkZoneAuthMode.None && !environment.IsDevelopment())
        {
            throw new WorkZoneConfigurationException(
                $"WorkZone:Auth:Mode=None (ingen token) er kun tilladt i Development, ikke i {environment.EnvironmentName} / "
                + $"WorkZone:Auth:Mode=None (no token) is allowed in Development only, not in {environment.EnvironmentName}.");
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(o.StartupMetadataTimeout);
        while (true)
        {
            try
            {
                var model = await models.GetAsync(deadline.Token);
                log.LogInformation("WorkZone model read from {Root}: {Properties} record properties; settings match.", o.ServiceRoot, model.Record.StructuralProperties().Count());
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (deadline.IsCancellationRequested)
                {
                    status.Failed($"WorkZones $metadata kunne ikke hentes ved opstart: {e.Message}");
                    log.LogError("WorkZone $metadata not readable at start-up ({Error}); writes and the feed wait until it is.", e.Message);
                    return;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
