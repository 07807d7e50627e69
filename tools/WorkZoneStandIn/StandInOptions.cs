namespace WorkZoneStandIn;

/// <summary>Command line / configuration of the stand-in (e.g. <c>--Port=5090 --RequireToken=false</c>).</summary>
public sealed class StandInOptions
{
    /// <summary>HTTP port of the OData service (<c>http://127.0.0.1:{Port}/OData4/</c>); 0 picks a free one.</summary>
    public int Port { get; set; } = 5090;

    /// <summary>HTTPS port of the token issuer (MSAL accepts only https authorities); 0 picks a free one.</summary>
    public int AuthorityPort { get; set; } = 5091;

    /// <summary>Host name the service listens on and puts in its links.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// True: every request needs a valid bearer token from the issuer. False (default, so the API can run with
    /// WorkZone:Auth:Mode=None on a laptop): requests without a token are served too; a token that is sent is still checked.
    /// </summary>
    public bool RequireToken { get; set; }

    /// <summary>The confidential client that may ask the issuer for tokens.</summary>
    public string ClientId { get; set; } = "smartpost-standin-client";
    public string ClientSecret { get; set; } = "stand-in-secret";

    /// <summary>Lifetime of issued tokens.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Send an ETag on single-record reads and honour If-Match on PATCH (WorkZone's behaviour is unconfirmed).</summary>
    public bool ETags { get; set; } = true;

    /// <summary>Incoming Digital Post replies seeded at start (0: none, only the demo cases' replies when DemoData).</summary>
    public int SeedIncoming { get; set; }

    /// <summary>Seed the demo replies (the same citizens and cases as the API's Development demo data).</summary>
    public bool DemoData { get; set; } = true;
}
