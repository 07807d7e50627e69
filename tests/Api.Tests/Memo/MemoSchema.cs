using System.Xml;
using System.Xml.Schema;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Memo;

/// <summary>The official MeMo 1.1 schema set, loaded offline from shared/schemas/memo-1.1.</summary>
public static class MemoSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>All schema errors and warnings (an element the schema does not know is a warning): empty = valid.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var folder = TestPaths.SharedFile("schemas", "memo-1.1");
        var set = new XmlSchemaSet { XmlResolver = new LocalFolderResolver(folder) };
        set.ValidationEventHandler += (_, e) => throw new InvalidOperationException($"MeMo schema: {e.Message}");
        using (var reader = XmlReader.Create(Path.Combine(folder, "MeMo_core.xsd"), new XmlReaderSettings { XmlResolver = null }))
        {
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    /// <summary>Resolves schema imports to files in one local folder only: no network, no other files.</summary>
    private sealed class LocalFolderResolver(string folder) : XmlUrlResolver
    {
        private readonly string _root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile || !Path.GetFullPath(absoluteUri.LocalPath).StartsWith(_root, StringComparison.Ordinal))
            {
                throw new XmlException($"Refusing to resolve '{absoluteUri}': only files in {_root} are allowed.");
            }
            return base.GetEntity(absoluteUri, role, ofObjectToReturn);
        }
    }
}
