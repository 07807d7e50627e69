using BenchmarkDotNet.Running;
using SmartPost.Benchmarks;

// Run all: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*'
// Data for the HTTP load test: dotnet run -c Release --project benchmarks/Benchmarks -- generate-replies <sqlite path> <count> <team>
if (args is ["generate-replies", var path, var count, var team])
    return await InboxDataTool.RunAsync(path, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), team);

// Years of replies for the inbox at scale: dotnet run -c Release --project benchmarks/Benchmarks -- seed-inbox sqlite:<path>|postgres:<connection string> <count>
if (args is ["seed-inbox", var target, var replies])
    return await InboxSeeder.RunAsync(target, int.Parse(replies, System.Globalization.CultureInfo.InvariantCulture));

// Query plans of the inbox and shared searches: dotnet run -c Release --project benchmarks/Benchmarks -- explain-inbox sqlite:<path>|postgres:<connection string>
if (args is ["explain-inbox", var planTarget])
    return await InboxPlans.RunAsync(planTarget);

// CPU per part of the first inbox page: dotnet run -c Release --project benchmarks/Benchmarks -- inbox-cpu sqlite:<path>|postgres:<connection string> [team]
if (args is ["inbox-cpu", var cpuTarget, .. var cpuTeam])
    return await InboxPageCpu.RunAsync(cpuTarget, cpuTeam is [var t] ? t : "team-helbred");

// Where one ingest's CPU goes, part by part: dotnet run -c Release --project benchmarks/Benchmarks -- ingest-profile <sqlite copy> <count> [without-model|without-triggers|without-counts|without-word-index]
if (args is ["ingest-profile", var profilePath, var profileCount, .. var rest])
    return await IngestProfile.RunAsync(profilePath, int.Parse(profileCount, System.Globalization.CultureInfo.InvariantCulture), rest is [var drop] ? drop : null);

// Where a suggestion's time goes, stage by stage: dotnet run -c Release --project benchmarks/Benchmarks -- suggest-profile [seconds]
if (args is ["suggest-profile", .. var seconds])
    return SuggestProfile.Run(seconds is [var s] ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 3);

// Where the screening model's time goes (input text, stems, scoring; direct against ML.NET): dotnet run -c Release --project benchmarks/Benchmarks -- screening-model-profile [seconds]
if (args is ["screening-model-profile", .. var modelSeconds])
    return ScreeningModelProfile.Run(modelSeconds is [var ms] ? double.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) : 3);

// Where the screening of a long reply goes, part by part: dotnet run -c Release --project benchmarks/Benchmarks -- screening-profile [kB] [seconds]
if (args is ["screening-profile", .. var screeningArgs])
    return ScreeningProfile.Run(screeningArgs is [var kb, ..] ? int.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) : 256,
        screeningArgs is [_, var ss] ? double.Parse(ss, System.Globalization.CultureInfo.InvariantCulture) : 5);

// Where a whole suggest request's CPU goes in the API: dotnet run -c Release --project benchmarks/Benchmarks -- suggest-pipeline [seconds]
if (args is ["suggest-pipeline", .. var pipelineSeconds])
    return await SuggestPipelineProfile.RunAsync(pipelineSeconds is [var s2] ? double.Parse(s2, System.Globalization.CultureInfo.InvariantCulture) : 10);

BenchmarkSwitcher.FromAssembly(typeof(GuidanceBenchmarks).Assembly).Run(args);
return 0;
