namespace EntityGraph.Server.Hosting;

/// <summary>How the trade index reports itself in the server log.</summary>
internal static partial class TradeIndexLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    public static partial void LogTradeIndex(this ILogger logger, string message);
}
