using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SmartPost.Api.Infrastructure.Database;

/// <summary>
/// The one database context. Features keep their entities and <see cref="IEntityTypeConfiguration{T}"/>
/// classes in their own folders and reach tables through <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);

    /// <summary>
    /// Instants are stored as UTC <see cref="DateTime"/> on both providers: PostgreSQL's timestamptz insists on
    /// Kind=Utc, and SQLite can sort and compare DateTime (unlike DateTimeOffset) but forgets the Kind.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
