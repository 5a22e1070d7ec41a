namespace EntityGraph.Core.Model;

/// <summary>One customs declaration (FtM <c>EconomicActivity</c>): goods sent from a sender to a receiver.</summary>
public sealed record Shipment
{
    public required string Id { get; init; }

    public PartialDate? Date { get; init; }

    public string? SenderId { get; init; }

    public string? ReceiverId { get; init; }

    public string? DeclarantId { get; init; }

    public HsCode? HsCode { get; init; }

    /// <summary>The CHPL tier of the HS-6 code, when it is on the list.</summary>
    public ChplTier? ChplTier { get; init; }

    public string? GoodsDescription { get; init; }

    /// <summary>The value in US dollars: the customs amount, else the invoice amount, as customs datasets state them in USD.</summary>
    public double? ValueUsd { get; init; }

    public string? OriginCountry { get; init; }

    public string? DepartureCountry { get; init; }

    public string? DestinationCountry { get; init; }

    public string? TradingCountry { get; init; }

    public required Provenance Provenance { get; init; }
}
