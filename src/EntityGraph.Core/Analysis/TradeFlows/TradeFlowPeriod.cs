using System.Globalization;

namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>One calendar year, quarter or month: <c>2022</c>, <c>2022-Q3</c>, <c>2022-07</c>.</summary>
/// <param name="Kind">Year, quarter or month.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Index">0 for a year, 1–4 for a quarter, 1–12 for a month.</param>
public readonly record struct TradeFlowPeriod(TradePeriod Kind, int Year, int Index) : IComparable<TradeFlowPeriod>
{
    /// <summary>The period of <paramref name="kind"/> that contains a day.</summary>
    public static TradeFlowPeriod Containing(TradePeriod kind, DateOnly day) => kind switch
    {
        TradePeriod.Year => new(kind, day.Year, 0),
        TradePeriod.Quarter => new(kind, day.Year, ((day.Month - 1) / 3) + 1),
        _ => new(kind, day.Year, day.Month),
    };

    /// <summary>The period of <paramref name="kind"/> that contains a month (1–12) of a year.</summary>
    public static TradeFlowPeriod OfMonth(TradePeriod kind, int year, int month) => Containing(kind, new DateOnly(year, month, 1));

    /// <summary>The first day of the period.</summary>
    public DateOnly First => Kind switch
    {
        TradePeriod.Year => new DateOnly(Year, 1, 1),
        TradePeriod.Quarter => new DateOnly(Year, ((Index - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, Index, 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly Last => Kind switch
    {
        TradePeriod.Year => First.AddYears(1).AddDays(-1),
        TradePeriod.Quarter => First.AddMonths(3).AddDays(-1),
        _ => First.AddMonths(1).AddDays(-1),
    };

    /// <summary>The period just before this one (2021 for 2022, 2022-Q2 for 2022-Q3, 2021-12 for 2022-01).</summary>
    public TradeFlowPeriod Previous => Containing(Kind, First.AddDays(-1));

    /// <summary>The period as investigators write it: <c>2022</c>, <c>2022-Q3</c>, <c>2022-07</c>.</summary>
    public override string ToString() => Kind switch
    {
        TradePeriod.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        TradePeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
    };

    /// <summary>Chronological order.</summary>
    public int CompareTo(TradeFlowPeriod other) => First.CompareTo(other.First);
}
