using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPost.Api.Infrastructure.Database;

namespace SmartPost.Api.Recipients;

/// <summary>Imports validated register entries: new ids are added, known ids updated, all in one transaction.</summary>
public sealed class RegisterImport(AppDb db, TimeProvider clock)
{
    public sealed record Result(int Created, int Updated);

    public async Task<Result> ApplyAsync(IReadOnlyList<RegisterEntry> entries, CancellationToken cancellationToken = default)
    {
        var table = db.Set<DigitalPostExemption>();
        var existing = await table.ToDictionaryAsync(e => (e.IdType, e.Id), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0;
        foreach (var entry in entries)
        {
            if (!existing.TryGetValue((entry.IdType, entry.Id), out var row))
            {
                row = new DigitalPostExemption { IdType = entry.IdType, Id = entry.Id };
                table.Add(row);
                created++;
            }
            else
            {
                updated++;
            }
            row.Exempt = entry.Exempt;
            row.Since = entry.Since;
            row.Reason = entry.Reason;
            row.Source = entry.Source;
            row.ImportedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Result(created, updated);
    }
}

/// <summary>Seeds the demo register (Rules/digital-post-register.csv) into an empty Development database.</summary>
public sealed class RegisterDemoSeeder(RegisterImport import, IOptions<RecipientsOptions> options) : IDemoDataSeeder
{
    public async Task SeedAsync(AppDb db)
    {
        if (await db.Set<DigitalPostExemption>().AnyAsync()) return;
        var (entries, errors) = RegisterCsv.Parse(await File.ReadAllTextAsync(options.Value.DemoRegisterFullPath));
        if (errors.Count > 0)
        {
            var first = errors[0];
            throw new InvalidOperationException(
                $"Demo register {options.Value.DemoRegisterPath} line {first.Line}, field {first.Field}: {first.Message}");
        }
        await import.ApplyAsync(entries);
    }
}
