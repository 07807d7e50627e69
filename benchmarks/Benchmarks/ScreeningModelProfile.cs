using Microsoft.ML;
using SmartPost.Api.Calendar;
using SmartPost.Api.Screening;
using SmartPost.Api.Screening.Learned;
using SmartPost.Api.Text;

namespace SmartPost.Benchmarks;

/// <summary>
/// Where the learned second opinion's time goes on the 2 kB reply of <see cref="ScreeningModelBenchmarks"/>, next to
/// the rule screening: the model's input text, the text core's stems of its window, scoring those stems by hand, and
/// the same through ML.NET's prediction engine (the path before direct scoring), each whole and each on ready input.
/// Stages alternate in turns of 10 ms (<see cref="ProfileStage"/>), so before and after share the machine's load.
///   dotnet run -c Release --project benchmarks/Benchmarks -- screening-model-profile [seconds]
/// </summary>
internal static class ScreeningModelProfile
{
    public static int Run(double seconds)
    {
        var rulesFolder = Path.Combine(AppContext.BaseDirectory, "Rules");
        var modelPath = Path.Combine(rulesFolder, "screening-model.zip");
        var screener = new ReplyScreener(ScreeningRules.Load(Path.Combine(rulesFolder, "screening-concepts.json")),
            new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()));
        var context = new ScreeningContext(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(2)));
        var classifier = ReplyClassifier.Load(modelPath);
        if (!classifier.ScoresDirectly) throw new InvalidOperationException(classifier.WhyNotDirect);
        var screenerWithModel = new ReplyScreener(ScreeningRules.Load(Path.Combine(rulesFolder, "screening-concepts.json")),
            new DueDateRules(new DanishWorkingDays(new CalendarOptions()), new ScreeningOptions()), classifier, new ScreeningOptions());
        var ml = new MLContext(1);
        var model = ml.Model.Load(modelPath, out _);
        var engine = ml.Model.CreatePredictionEngine<ReplyModelInput, ReplyModelOutput>(model);
        var direct = StemsLinearModel.Read(ml, model);

        var reply = LongReply.OwnText(2) + LongReply.QuotedLetter;
        var input = ReplyClassifier.InputText(LongReply.Subject, reply);
        var stems = TextAnalyzer.Stems(ReplyClassifier.Window(input));
        var modelText = ReplyClassifier.ModelText(ReplyClassifier.Window(input), classifier.Manifest.Input);
        var probabilities = new float[direct.Labels];
        Console.WriteLine($"reply {reply.Length} chars, model input {input.Length} chars, {stems.Count} stems; load [{ProfileStage.Load()}]");

        // The screener's analyzer, warm from screening the reply: what the app's screener hands the model.
        var words = ScreeningRules.Load(Path.Combine(rulesFolder, "screening-concepts.json")).Concepts.Analyzer;
        words.Analyze(reply);
        var stages = new List<ProfileStage>
        {
            new("rules screening", () => screener.Screen(LongReply.Subject, reply, context).Flags.Count),
            new("rules + model screening (the app's)", () => screenerWithModel.Screen(LongReply.Subject, reply, context).Flags.Count),
            new("model input text", () => ReplyClassifier.InputText(LongReply.Subject, reply)),
            new("  + stems of the window", () => TextAnalyzer.Stems(ReplyClassifier.Window(ReplyClassifier.InputText(LongReply.Subject, reply)))),
            new("  + stems of the window from the memo", () => words.StemsOf(ReplyClassifier.Window(ReplyClassifier.InputText(LongReply.Subject, reply)))),
            new("  + direct score, window read again", () => classifier.Score(ReplyClassifier.InputText(LongReply.Subject, reply))),
            new("  + direct score, stems from the memo", () => classifier.Score(ReplyClassifier.InputText(LongReply.Subject, reply), words)),
            new("  + ML.NET engine (before)", () => engine.Predict(new ReplyModelInput
            {
                Text = ReplyClassifier.ModelText(ReplyClassifier.Window(ReplyClassifier.InputText(LongReply.Subject, reply)), classifier.Manifest.Input),
            }).Probabilities),
            new("direct score of ready stems", () => { direct.Probabilities(stems, probabilities); return probabilities; }),
            new("ML.NET engine of ready text", () => engine.Predict(new ReplyModelInput { Text = modelText }).Probabilities),
        };
        ProfileStage.RunAll(stages, seconds);
        return 0;
    }
}
