namespace WorkZoneStandIn;

/// <summary>
/// <c>dotnet run --project tools/WorkZoneStandIn [-- --Port=5090 --RequireToken=false --SeedIncoming=20]</c>: a local
/// WorkZone for the API (set WorkZone:BaseUrl to the printed address). Stops on Ctrl+C.
/// </summary>
public static class StandInProgram
{
    public static async Task Main(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).AddEnvironmentVariables("STANDIN_").Build()
            .Get<StandInOptions>() ?? new StandInOptions();
        await using var server = await StandInServer.StartAsync(options, args);
        Console.WriteLine($"WorkZone stand-in: OData 4 at {server.ServiceRoot} ({server.Data.Count} records), token issuer at {server.Authority}");
        Console.WriteLine($"  client id '{options.ClientId}', secret '{options.ClientSecret}', scope '{server.Issuer.AppIdUri}/.default'; token required: {options.RequireToken}");
        await server.WaitForShutdownAsync();
    }
}
