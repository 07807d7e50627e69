using SmartPost.Api.Guidance;
using SmartPost.Api.Text;

namespace SmartPost.Benchmarks;

/// <summary>
/// Where one suggestion's time goes, stage by stage, on the two-page letter of <see cref="GuidanceBenchmarks"/>:
/// reading the text, finding the concepts, the cue logic of the scan, and the rest of the engine. The stages run in
/// turns of 10 ms, round after round, and each reports the fastest round and the median: on a shared machine the
/// fastest round is the closest to the stage's own cost. Also a plain loop of whole suggestions to attach dotnet-trace to
/// (PROFILE_ONLY=whole).
///   dotnet run -c Release --project benchmarks/Benchmarks -- suggest-profile [seconds]
/// </summary>
internal static class SuggestProfile
{
    public static int Run(double seconds)
    {
        var bench = new GuidanceBenchmarks();
        bench.Setup();
        var (engine, letter) = (bench.Engine, bench.Letter);
        // The engine keeps its compiled rules to itself; the profile reads them to time the stages apart.
        var rules = (CompiledGuideline)typeof(GuidanceEngine).GetField("_rules", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(engine)!;
        var concepts = rules.Concepts;
        var analyzer = concepts.Analyzer;
        var document = analyzer.Analyze(letter.Text);
        var memo = (WordMemo)typeof(TextAnalyzer).GetField("_memo", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(analyzer)!;
        var found = concepts.Find(document);
        // The letter's words as the memo knows them, to time the document reader on its own.
        var words = new List<(int Start, int End, AnalyzedWord Word, Gap Gap)>();
        var wordScanner = new WordScanner(letter.Text);
        while (wordScanner.Next(out var wordStart, out var wordEnd, out var wordHash, out var wordGap))
            words.Add((wordStart, wordEnd, memo.Get(letter.Text.AsSpan(wordStart, wordEnd - wordStart), wordHash)!, wordGap));
        Console.WriteLine($"letter: {letter.Text.Length} chars, {document.Tokens.Length} words, {document.Sentences.Count} sentences, {document.Tokens.ToArray().Sum(t => t.PartCount)} compound parts, "
            + $"{found.Count} concept hits; load [{ProfileStage.Load()}]");

        var stages = new List<ProfileStage>
        {
            new("analyze text (disposed)", () => { using var d = analyzer.Analyze(letter.Text); return d.Tokens.Length; }),
            new("  of which finding words", () =>
            {
                var scanner = new WordScanner(letter.Text);
                var words = 0;
                while (scanner.Next(out _, out _, out _, out _)) words++;
                return words;
            }),
            new("  finding words + memo", () =>
            {
                var scanner = new WordScanner(letter.Text);
                var known = 0;
                while (scanner.Next(out var start, out var end, out var hash, out _)) known += memo.Get(letter.Text.AsSpan(start, end - start), hash) is null ? 0 : 1;
                return known;
            }),
            new("  of which quoted ranges", () => QuotedText.Ranges(letter.Text)),
            new("  of which document reader", () =>
            {
                var reader = new DocumentReader(letter.Text, signatures: false);
                foreach (var (start, end, word, gap) in words)
                {
                    reader.Add(start, end, word.Term, word.Fuzzy, word.StartsClause, word.Stem, word.Shape, word.Parts, gap);
                }
                using var built = reader.Build();
                return built.Tokens.Length;
            }),
            new("  reader without words", () =>
            {
                var reader = new DocumentReader(letter.Text, signatures: false);
                using var built = reader.Build();
                return built.Tokens.Length;
            }),
            new("analyze title", () => analyzer.Analyze(letter.DocumentTitle)),
            new("find concepts in text", () => concepts.Find(document)),
            new("  of which verb-first clauses", () =>
            {
                List<int> starts = [], mains = [];
                VerbFirstCondition.Find(document, starts, mains);
                return starts.Count;
            }),
            new("scan (analyses, finds, cues)", () => new GuidelineScan(rules, letter)),
            new("whole suggestion", () => bench.SuggestForTwoPageLetter()),
        };
        // The letter model as the app loads it (Rules/letter-model.zip, sealed manifest): the scan with its features, the
        // scoring alone, and the whole suggestion with the model consulted (it doubts, so it is consulted on every letter).
        var modelPath = Path.Combine(AppContext.BaseDirectory, "Rules", "letter-model.zip");
        if (SmartPost.Api.Guidance.Learned.LetterModelSetup.SecondOpinion(modelPath) is { } opinion)
        {
            var withModel = engine.WithSecondOpinion(opinion);
            var features = withModel.Features(letter);
            Console.WriteLine($"letter model: {features.Length} distinct features in the two-page letter");
            stages.Add(new("scan with the model's features", () => new GuidelineScan(rules, letter, featurize: true).Features.Length));
            stages.Add(new("letter model scoring alone", () => opinion.Model.Best(features).Probability));
            stages.Add(new("whole suggestion with the letter model", () => withModel.Suggest(letter).Evidence.Count));
        }
        if (Environment.GetEnvironmentVariable("PROFILE_ONLY") is { Length: > 0 } only) stages.RemoveAll(s => !s.Name.Contains(only, StringComparison.Ordinal));
        ProfileStage.RunAll(stages, seconds);
        return 0;
    }

}
