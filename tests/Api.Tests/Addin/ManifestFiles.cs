using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using SmartPost.Api.Tests.Infrastructure;

namespace SmartPost.Api.Tests.Addin;

/// <summary>The manifests the build generated for http://localhost:5080, and the official Office XSDs.</summary>
internal static class ManifestFiles
{
    public const string LocalBaseUrl = "http://localhost:5080";

    public static string[] All => ["word.xml", "outlook.xml"];

    public static string PathOf(string name) =>
        Path.Combine(TestPaths.RepoRoot, "Api", "wwwroot", "addin", "manifests", name);

    /// <summary>Validates offline: no DTDs, no resolver; the schemas are read from shared/schemas/office.</summary>
    public static List<string> Validate(string manifestPath)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new LocalSchemaResolver() };
        foreach (var xsd in Directory.GetFiles(TestPaths.SharedFile("schemas", "office"), "*.xsd"))
        {
            using var reader = XmlReader.Create(xsd, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            schemas.Add(null, reader);
        }
        schemas.Compile();

        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(manifestPath, settings))
        {
            while (reader.Read()) { }
        }
        return errors;
    }

    /// <summary>Every absolute URL the manifest points Office at (attributes and element text).</summary>
    public static List<string> Urls(string manifestPath)
    {
        var doc = XDocument.Load(manifestPath);
        var values = doc.Descendants().Attributes().Select(a => a.Value)
            .Concat(doc.Descendants().Where(e => !e.HasElements).Select(e => e.Value.Trim()));
        return values.Where(v => v.StartsWith(LocalBaseUrl, StringComparison.Ordinal)).Distinct().ToList();
    }

    /// <summary>Imports between the XSDs resolve to files in the same folder, never to the network.</summary>
    private sealed class LocalSchemaResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var local = TestPaths.SharedFile("schemas", "office", Path.GetFileName(absoluteUri.LocalPath));
            return File.Exists(local) ? File.OpenRead(local) : throw new XmlException($"Schema {absoluteUri} is not available offline.");
        }
    }
}
