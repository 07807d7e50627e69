using Microsoft.EntityFrameworkCore;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Replies;

/// <summary>A handful of screened replies for the demo teams, ingested through the real pipeline.</summary>
public sealed class RepliesDemoSeeder(ReplyIngest ingest, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (string Team, string Case, int DaysAgo, string Subject, string Text)[] Samples =
    [
        ("team-helbred", "FS-2026-010001", 1, "Sv: Anmodning om lægeerklæring",
            "Hej\n\nJeg vil gerne have aktindsigt i min sag, herunder lægens udtalelse.\n\nMvh\nKaren Holm"),
        ("team-helbred", "FS-2026-010002", 2, "Sv: Afgørelse om inddragelse af kørekort",
            "Jeg er uenig i afgørelsen og vil klage. Min læge mener, at jeg sagtens kan køre bil.\n\nHilsen Per Lund"),
        ("team-helbred", "FS-2026-010003", 3, "Sv: Lægeerklæring",
            "Hermed lægeerklæringen som aftalt. Tak for hjælpen.\n\nVenlig hilsen\nAnne Berg"),
        ("team-udland", "FS-2026-020001", 1, "Sv: Betinget frakendelse",
            "Jeg er i udlandet til juni og beder om fristforlængelse til den kontrollerende køreprøve.\n\nMvh Jonas"),
        ("team-udland", "FS-2026-020002", 4, "Sv: Ombytning af udenlandsk kørekort",
            "Kan I sende mig en kopi af alle papirer i sagen? Jeg ønsker aktindsigt.\n\nMaria"),
        ("team-koereskoler", "FS-2026-030001", 2, "Sv: Godkendelse af kørelærer",
            "Vi klager over sagsbehandlingstiden; vi har ventet i fire måneder.\n\nKøreskolen Vejen ApS"),
        ("team-koereskoler", "FS-2026-030002", 5, "Sv: Tilsyn",
            "Tak for besøget. Vi har rettet de nævnte forhold.\n\nMvh Trafikskolen"),
    ];

    public async Task SeedAsync(AppDb db)
    {
        if (await db.Set<Reply>().AnyAsync()) return;
        var now = clock.GetUtcNow();
        var n = 0;
        foreach (var (team, caseNumber, daysAgo, subject, text) in Samples)
        {
            n++;
            await ingest.IngestAsync(new IncomingReply(
                $"doc:demo-{n}", null, $"demo-{n}", null, null, caseNumber, team, now.AddDays(-daysAgo).AddHours(-n),
                subject, text, "CPR", "0101901234", [], null), "demo", CancellationToken.None);
        }
    }
}
