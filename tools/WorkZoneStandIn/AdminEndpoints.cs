namespace WorkZoneStandIn;

/// <summary>
/// Test and demo controls, no authentication (the stand-in is local only): inject faults, journalize replies, read
/// records and the request log, bar a user's writes.
/// </summary>
public static class AdminEndpoints
{
    public sealed record AddIncomingRequest(string? Title, string Text, string CaseId, string? ResponsibleUnit);

    public sealed record RefuseUserRequest(string User, string Reason);

    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapPost("/faults", (FaultSpec spec, Faults faults) =>
        {
            try
            {
                faults.Add(spec);
                return Results.NoContent();
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: 400);
            }
        });
        admin.MapDelete("/faults", (Faults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/incoming", (AddIncomingRequest r, WorkZoneData data) =>
            Results.Ok(new { id = data.AddIncoming(new IncomingSpec(r.Title ?? "Svar fra borger", r.Text, r.CaseId, r.ResponsibleUnit)) }));
        admin.MapPost("/incoming/generated/{count:int}", (int count, WorkZoneData data) =>
            Results.Ok(Enumerable.Range(1, count).Select(i => data.AddIncoming(DemoSeed.Generated(data.Count + i))).ToList()));
        admin.MapGet("/records/{id}", (string id, WorkZoneData data) =>
            data.Find(id) is { } found ? Results.Ok(found.Record) : Results.NotFound());
        admin.MapDelete("/records/{id}", (string id, WorkZoneData data) => data.Delete(id) ? Results.NoContent() : Results.NotFound());
        admin.MapGet("/requests", (RequestLog log) => Results.Ok(log.All()));
        admin.MapPost("/refused-users", (RefuseUserRequest r) =>
        {
            StandInGuard.RefusedUsers[r.User] = r.Reason;
            return Results.NoContent();
        });
    }
}
