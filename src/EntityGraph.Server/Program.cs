using EntityGraph.Server.Cli;

return await EntityGraphCli.RunAsync(args);
