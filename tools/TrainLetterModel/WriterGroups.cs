namespace SmartPost.Tools.TrainLetterModel;

/// <summary>
/// Which writer wrote a corpus file: files of one writer are held out together (a writer's batch shares wording, so
/// holding out single letters would flatter the model). The class and check cases and the probe letters (probes-*) were written by hand for the rules'
/// classes, short and to the point: one group, so leave-one-writer-out also measures the model on such letters unseen.
/// </summary>
public static class WriterGroups
{
    public static string Of(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.StartsWith("heldout-", StringComparison.Ordinal)) return "heldout";
        if (name.StartsWith("checks-", StringComparison.Ordinal)) return "checks";
        if (name.StartsWith("sample-", StringComparison.Ordinal)) return "samples";
        if (name is "class-letters" or "class-cases" or "check-cases" || name.StartsWith("probes-", StringComparison.Ordinal)) return "hand-written";
        return name;
    }
}
