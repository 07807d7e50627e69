namespace WorkZoneStandIn;

/// <summary>
/// The API's Development demo cases (same case numbers) with citizens' replies journalized on them, plus any number of
/// generated replies for load tests. Responsible units map to the demo teams in the README's example configuration.
/// </summary>
public static class DemoSeed
{
    private static readonly (string Case, string Unit, string Title, string Text)[] Replies =
    [
        ("FS-2026-010001", "HELBRED", "Sv: Anmodning om lægeerklæring",
            "Hej\n\nJeg vil gerne have aktindsigt i min sag, herunder lægens udtalelse.\n\nMvh\nKaren Holm"),
        ("FS-2026-010002", "HELBRED", "Sv: Afgørelse om inddragelse af kørekort",
            "Jeg er uenig i afgørelsen og vil klage. Min læge mener, at jeg sagtens kan køre bil.\n\nHilsen Per Lund"),
        ("FS-2026-020001", "UDLAND", "Sv: Betinget frakendelse",
            "Jeg er i udlandet til juni og beder om fristforlængelse til den kontrollerende køreprøve.\n\nMvh Jonas"),
        ("FS-2026-020002", "UDLAND", "Sv: Ombytning af udenlandsk kørekort",
            "Kan I sende mig en kopi af alle papirer i sagen? Jeg ønsker aktindsigt.\n\nMaria"),
        ("FS-2026-030001", "KOERESKOLER", "Sv: Godkendelse af kørelærer",
            "Vi klager over sagsbehandlingstiden; vi har ventet i fire måneder.\n\nKøreskolen Vejen ApS"),
    ];

    public static void Seed(WorkZoneData data, StandInOptions options)
    {
        if (options.DemoData)
        {
            foreach (var (caseId, unit, title, text) in Replies)
            {
                data.AddIncoming(new IncomingSpec(title, text, caseId, unit,
                    Attachments: [("bilag.html", "text/html", System.Text.Encoding.UTF8.GetBytes("<p>Bilag til <b>" + caseId + "</b></p>"))]));
            }
        }
        for (var i = 1; i <= options.SeedIncoming; i++)
        {
            data.AddIncoming(Generated(i));
        }
    }

    /// <summary>Reply number <paramref name="n"/> of a generated load: every fifth asks for aktindsigt.</summary>
    public static IncomingSpec Generated(int n) => new(
        $"Sv: Sag {n}",
        n % 5 == 0 ? $"Jeg beder om aktindsigt i sag nr. {n}.\n\nMvh borger {n}" : $"Tak for brevet om sag {n}. Jeg har ingen bemærkninger.\n\nMvh borger {n}",
        $"FS-2026-{900000 + n}", n % 2 == 0 ? "HELBRED" : "UDLAND");
}
