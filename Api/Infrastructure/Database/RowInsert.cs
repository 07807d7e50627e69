using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SmartPost.Api.Infrastructure.Database;

/// <summary>
/// One INSERT … RETURNING the key for an entity type, with the columns, SQL names, value converters and provider types
/// taken from the EF model, so a row is stored exactly as SaveChanges would store it. For a hot path that inserts new
/// rows only: EF's change tracking and command building for a reply and its audit event cost more CPU than SQLite's
/// whole insert (BENCHMARKS.md, "Eleventh session: ingest"). The caller owns the connection and the transaction.
/// </summary>
public sealed class RowInsert
{
    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, RowInsert>> ByModel = new();

    private readonly string _sql;
    private readonly (IClrPropertyGetter Value, RelationalTypeMapping Mapping, string Parameter, bool Nullable)[] _columns;
    private readonly IProperty _key;

    private RowInsert(IEntityType entity, ISqlGenerationHelper sql)
    {
        _key = entity.FindPrimaryKey() is { Properties: [var key] } && key.ValueGenerated == ValueGenerated.OnAdd
            ? key
            : throw new InvalidOperationException($"{entity.DisplayName()} needs a single store-generated key for RowInsert.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var stored = entity.GetProperties().Where(p => p != _key).ToList();
        if (stored.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{entity.DisplayName()}.{shadow.Name} is a shadow property; RowInsert reads CLR properties.");
        _columns = stored.Select((p, i) => (p.GetGetter(), p.GetRelationalTypeMapping(), sql.GenerateParameterName($"p{i}"), p.IsNullable)).ToArray();
        _sql = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", stored.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", stored.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))}) "
            + $"RETURNING {sql.DelimitIdentifier(_key.GetColumnName(table)!)}";
    }

    /// <summary>The insert for <typeparamref name="T"/> in <paramref name="db"/>'s model (built once per model).</summary>
    public static RowInsert For<T>(AppDb db)
    {
        var byType = ByModel.GetValue(db.Model, _ => []);
        lock (byType)
        {
            if (!byType.TryGetValue(typeof(T), out var insert))
            {
                var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
                byType[typeof(T)] = insert = new RowInsert(entity, db.GetService<ISqlGenerationHelper>());
            }
            return insert;
        }
    }

    /// <summary>Inserts <paramref name="row"/> inside <paramref name="transaction"/> and returns its new key.</summary>
    public async Task<long> ExecuteAsync(DbTransaction transaction, object row, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _sql;
        foreach (var (value, mapping, parameter, nullable) in _columns)
        {
            // The mapping applies the property's value converter (enums as text, UTC instants) as SaveChanges does.
            command.Parameters.Add(mapping.CreateParameter(command, parameter, value.GetClrValueUsingContainingEntity(row), nullable));
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
