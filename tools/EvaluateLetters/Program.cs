using SmartPost.Api.Guidance;
using SmartPost.EvaluateLetters;

// Runs the send-time guidance over every labelled letter of tests/corpus/letters (or the files given) and prints,
// per file and in total, recommendation and category accuracy and each check's recall, precision and confusions.
var engine = GuidanceEngine.FromFile(Path.Combine(AppContext.BaseDirectory, "Rules", "guideline-rules.json"), new MaterialNames());
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
