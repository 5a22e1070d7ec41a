namespace EntityGraph.Core.Storage;

/// <summary>The part a party plays in a shipment.</summary>
public enum ShipmentRole
{
    Sender,
    Receiver,
    Declarant,
}
