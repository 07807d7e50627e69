namespace SmartPost.Api.Tests.Infrastructure;

/// <summary>Finds the customer's shared material (../shared beside the repository root).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "SmartPostAddin.sln")))
        ?? throw new InvalidOperationException("Repository root (SmartPostAddin.sln) not found above the test binaries.");

    /// <summary>The shared/ folder next to the repository (holds data/, schemas/, seeds/).</summary>
    public static string SharedDir { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedFile(params string[] parts) => Path.Combine([SharedDir, .. parts]);

    private static string? FindUp(string start, Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (match(dir.FullName)) return dir.FullName;
        }
        return null;
    }
}
