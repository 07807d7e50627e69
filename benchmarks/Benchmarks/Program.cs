using BenchmarkDotNet.Running;
using SmartPost.Benchmarks;

// Run all: dotnet run -c Release --project benchmarks/Benchmarks -- --filter '*'
// Data for the HTTP load test: dotnet run -c Release --project benchmarks/Benchmarks -- generate-replies <sqlite path> <count> <team>
if (args is ["generate-replies", var path, var count, var team])
    return await InboxDataTool.RunAsync(path, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), team);

BenchmarkSwitcher.FromAssembly(typeof(GuidanceBenchmarks).Assembly).Run(args);
return 0;
