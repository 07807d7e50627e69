using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace SmartPost.Api.Infrastructure;

/// <summary>
/// A learned model's manifest, stored beside its zip (<c>x.zip</c> → <c>x.json</c>) and sealed to it: the zip's SHA-256
/// and a seal over zip + manifest, so neither can be swapped or edited alone (thresholds and figures must come from the
/// training run). The screening model and the letter model share this; each subclass adds what its training decided.
/// </summary>
/// <remarks>
/// The seal hashes the manifest as serialized here (camelCase, no indentation, <see cref="Seal"/> null). Json.NET writes a
/// subclass's own properties before these two, so manifests sealed before this base existed (the two hashes were then
/// the last properties of each class) still verify unchanged.
/// </remarks>
public abstract class SealedModelManifest
{
    public string ModelSha256 { get; set; } = "";

    /// <summary>SHA-256 over the zip followed by this manifest serialized without the seal.</summary>
    public string? Seal { get; set; }

    protected static readonly JsonSerializerSettings Json = new() { ContractResolver = new CamelCasePropertyNamesContractResolver() };

    public static string PathBeside(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Sets <see cref="ModelSha256"/> and <see cref="Seal"/> for this zip and writes the manifest beside it.</summary>
    public void SealAndWrite(string modelPath)
    {
        var zip = File.ReadAllBytes(modelPath);
        ModelSha256 = Hex(SHA256.HashData(zip));
        Seal = ComputeSeal(zip);
        File.WriteAllText(PathBeside(modelPath), JsonConvert.SerializeObject(this, Formatting.Indented, Json) + "\n");
    }

    /// <summary>What a subclass says in the errors of <see cref="ReadVerified{T}"/> (the model's name and how to retrain it).</summary>
    protected sealed record Wording(string Model, string NotFound, string ManifestNotFound, Func<string, string, string> ZipDiffers, string SealDiffers);

    /// <summary>
    /// Reads the manifest beside <paramref name="modelPath"/> and checks it against the zip. Throws
    /// <see cref="InvalidOperationException"/> saying what does not match and how to fix it.
    /// </summary>
    protected static T ReadVerified<T>(string modelPath, Wording wording) where T : SealedModelManifest
    {
        var manifestPath = PathBeside(modelPath);
        if (!File.Exists(modelPath)) throw new InvalidOperationException(wording.NotFound);
        if (!File.Exists(manifestPath)) throw new InvalidOperationException(wording.ManifestNotFound);
        T? manifest;
        try
        {
            manifest = JsonConvert.DeserializeObject<T>(File.ReadAllText(manifestPath), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{wording.Model} manifest '{manifestPath}' is not valid JSON: {e.Message}");
        }
        if (manifest is null) throw new InvalidOperationException($"{wording.Model} manifest '{manifestPath}' is empty.");

        var zip = File.ReadAllBytes(modelPath);
        var zipHash = Hex(SHA256.HashData(zip));
        if (!string.Equals(zipHash, manifest.ModelSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(wording.ZipDiffers(zipHash, manifest.ModelSha256));
        if (!string.Equals(manifest.ComputeSeal(zip), manifest.Seal, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(wording.SealDiffers);
        return manifest;
    }

    private string ComputeSeal(byte[] zip)
    {
        var seal = Seal;
        Seal = null;
        try
        {
            var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(this, Formatting.None, Json));
            return Hex(SHA256.HashData([.. zip, .. body]));
        }
        finally
        {
            Seal = seal;
        }
    }

    public static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
