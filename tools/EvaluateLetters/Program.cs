using SmartPost.Api.Guidance;
using SmartPost.Api.Guidance.Learned;

namespace SmartPost.EvaluateLetters;

/// <summary>
/// Runs the send-time guidance over every labelled letter of tests/corpus/letters (or the files given) and prints,
/// per file and in total, recommendation and category accuracy and each check's recall, precision and confusions.
/// "--explain file id …" prints what the engine found in single letters. "--dump file …" prints every letter's whole
/// suggestion as one JSON line, to show that a change to the engine leaves its output byte for byte as it was.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // As the app builds it by default (the rules alone); "--with-model" adds the learned category model as its manifest says.
        var engine = GuidanceEngine.FromFile(Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json"), new MaterialNames());
        if (args is ["--with-model", .. var rest])
        {
            args = rest;
            engine = engine.WithSecondOpinion(LetterModelSetup.SecondOpinion(Path.Combine(AppContext.BaseDirectory, "Rules", "letter-model.zip")));
        }
        if (args is ["--explain", var explainFile, .. var ids])
        {
            // One letter in full: what the engine took it for and every piece of evidence, for working on the rules.
            foreach (var letter in LetterCorpus.Read(explainFile).Where(l => ids.Contains(l.Id)))
            {
                var s = engine.Suggest(letter.Facts, letter.Standing, letter.ChosenOption);
                Console.WriteLine($"{letter}: {s.Category} {s.Recommendation}{(s.Conflict ? " conflict" : "")} — {letter.Note}");
                foreach (var r in s.Reasons) Console.WriteLine($"  reason: {r}");
                foreach (var e in s.Evidence) Console.WriteLine($"  {e.Rule} {e.Field}@{e.Start}: \"{e.Text.ReplaceLineEndings(" ")}\"");
                foreach (var c in s.Checks) Console.WriteLine($"  check {c.Code}");
                foreach (var line in engine.Trace(letter.Facts)) Console.WriteLine($"  rule {line}");
                Console.WriteLine($"[{letter.Facts.DocumentTitle} | {letter.Facts.DocumentType}]\n{letter.Facts.Text}\n");
            }
            return 0;
        }
        if (args is ["--dump", .. var dumpFiles])
        {
            // Every field of the suggestion, for each letter: two builds' dumps are diffed (benchmarks/engine-identity.sh).
            foreach (var letter in (dumpFiles.Length > 0 ? dumpFiles : LetterCorpus.Files).SelectMany(LetterCorpus.Read))
                Console.WriteLine($"{letter}\t{Newtonsoft.Json.JsonConvert.SerializeObject(engine.Suggest(letter.Facts, letter.Standing, letter.ChosenOption))}");
            return 0;
        }
        var files = args.Length > 0 ? args : LetterCorpus.Files.ToArray();
        var all = new List<CorpusLetter>();
        foreach (var file in files)
        {
            var letters = LetterCorpus.Read(file);
            all.AddRange(letters);
            Console.WriteLine($"== {Path.GetFileName(file)}");
            Console.WriteLine(new LetterEvaluation(letters, engine).Report());
        }
        Console.WriteLine($"== all {all.Count} letters");
        Console.WriteLine(new LetterEvaluation(all, engine).Report());
        return 0;
    }
}
