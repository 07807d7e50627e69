using Microsoft.EntityFrameworkCore;

namespace SmartPost.Api.Infrastructure.Database;

/// <summary>
/// The one database context. Features keep their entities and <see cref="IEntityTypeConfiguration{T}"/>
/// classes in their own folders and reach tables through <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
}
