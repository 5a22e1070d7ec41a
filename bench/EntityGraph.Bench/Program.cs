using System.CommandLine;
using EntityGraph.Bench;

var root = new RootCommand("Benchmarks for EntityGraph. Results are written as JSON and Markdown files; nothing here is a test.");
root.Subcommands.Add(FoundationBenchmark.CreateCommand());
root.Subcommands.Add(InvestigationsBenchmark.CreateCommand());
root.Subcommands.Add(CustomsBenchmark.CreateCommand());
return await root.Parse(args).InvokeAsync();
