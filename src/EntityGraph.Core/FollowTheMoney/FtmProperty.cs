namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// A property of a FollowTheMoney schema, as declared in the schema catalogue:
/// its name, its FtM property type and, for entity references, the schema it points to.
/// </summary>
public sealed class FtmProperty
{
    /// <summary>The FtM type name of properties that reference another entity.</summary>
    public const string EntityType = "entity";

    internal FtmProperty(string name, string type, string? range, bool isReverse, string declaringSchema)
    {
        Name = name;
        Type = type;
        Range = range;
        IsReverse = isReverse;
        DeclaringSchema = declaringSchema;
    }

    /// <summary>The property name as it appears in FtM JSON, e.g. <c>incorporationDate</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The FtM property type name: <c>name</c>, <c>string</c>, <c>text</c>, <c>date</c>, <c>country</c>,
    /// <c>entity</c>, <c>number</c>, <c>identifier</c>, <c>url</c>, <c>email</c>, <c>phone</c>, <c>address</c>,
    /// <c>topic</c>, <c>language</c>, <c>gender</c>, <c>mimetype</c>, <c>checksum</c>, <c>ip</c>, <c>iban</c>,
    /// <c>html</c> or <c>json</c>.
    /// </summary>
    public string Type { get; }

    /// <summary>For entity-typed properties, the name of the schema the referenced entity must be; otherwise null.</summary>
    public string? Range { get; }

    /// <summary>True when the property holds references to other entities (<see cref="Type"/> is <c>entity</c>).</summary>
    public bool IsEntity => Type == EntityType;

    /// <summary>
    /// True for a reverse stub: a property that FtM adds to this schema because another schema declares
    /// a <c>reverse</c> for one of its entity properties (e.g. <c>LegalEntity.ownershipOwner</c> for
    /// <c>Ownership.owner</c>). Its <see cref="Range"/> is the declaring schema.
    /// </summary>
    public bool IsReverse { get; }

    /// <summary>The schema that owns the property (where it is declared or, for a reverse stub, where it is added).</summary>
    public string DeclaringSchema { get; }

    /// <inheritdoc />
    public override string ToString() => $"{DeclaringSchema}:{Name} ({Type}{(Range is null ? "" : " -> " + Range)})";
}
