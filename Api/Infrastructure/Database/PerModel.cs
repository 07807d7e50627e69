using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SmartPost.Api.Infrastructure.Database;

/// <summary>
/// One instance of <typeparamref name="T"/> per EF model, for a class holding compiled queries: EF compiles a query once
/// instead of translating the LINQ on every call, but a compiled query refuses a context of another model, and one
/// process can hold several (SQLite and PostgreSQL side by side in the tests, a context with other options in a tool).
/// </summary>
public static class PerModel<T> where T : class, new()
{
    private static readonly ConditionalWeakTable<IModel, T> ByModel = new();

    public static T For(AppDb db) => ByModel.GetValue(db.Model, _ => new T());
}
