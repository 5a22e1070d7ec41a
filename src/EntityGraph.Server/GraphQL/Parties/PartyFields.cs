using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Ownership;
using EntityGraph.Server.GraphQL.RedFlags;
using EntityGraph.Server.GraphQL.Sanctions;
using EntityGraph.Server.GraphQL.Scalars;
using EntityGraph.Server.GraphQL.Shipments;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The fields the party types share; each object type picks the groups that make sense for its kind.</summary>
internal static class PartyFields
{
    /// <summary>The fields of the <c>Party</c> interface (names kept from the public API core), with their resolvers on object types.</summary>
    public static void AddInterfaceFields(ComplexGraphType<Party> type)
    {
        var resolve = type is IObjectGraphType;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("The FtM id, as the source gave it.").ResolveIf(resolve, c => c.Source.Id);
        type.Field<NonNullGraphType<PartyKindGraphType>>("kind").Description("What kind of party this is.").ResolveIf(resolve, c => c.Source.Kind);
        type.Field<NonNullGraphType<StringGraphType>>("name").Description("The display name: the first name the sources give, or the id when there is none.").ResolveIf(resolve, c => c.Source.Name);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Further names: other names, aliases, previous names, weak aliases.").ResolveIf(resolve, c => c.Source.Aliases);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("countries").Description("Linked countries (country, jurisdiction, nationality, citizenship), ISO-3166 alpha-2 lower case.").ResolveIf(resolve, c => c.Source.Countries);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics").Description("FtM topics such as \"sanction\" or \"export.control\".").ResolveIf(resolve, c => c.Source.Topics);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SanctionGraphType>>>>("sanctions").Description("The sanctions designating this party, active or not.")
            .ResolveIf(resolve, c => c.Loaders().LinkedNodes(c.Source.Id, LinkKind.SanctionedBy, LinkDirection.Outgoing, c.Loaders().Sanctions));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that carry this party.").ResolveIf(resolve, c => c.Source.Provenance.Datasets);
    }

    // Interfaces declare the fields; only object types may carry resolvers.
    private static FieldBuilder<Party, object> ResolveIf(this FieldBuilder<Party, object> field, bool resolve, Func<IResolveFieldContext<Party>, object?> resolver) =>
        resolve ? field.Resolve(resolver) : field;

    /// <summary>Provenance, raw properties, addresses, holdings, roles and shipments: what every kind of party can have.</summary>
    public static void AddCommonFields(ObjectGraphType<Party> type)
    {
        AddInterfaceFields(type);
        type.Field<NonNullGraphType<BooleanGraphType>>("blocked").Description("Whether the party is blocked under the ownership rule on the day: directly sanctioned, or blocked owners hold 50% or more. See `exposure` for why.")
            .WithExposureArguments().WithComplexityImpact(AnalysisComplexity.Exposure).Resolve(c => new MappedResult<Exposure, bool>(c.Exposure(c.Source.Id), e => e.Blocked));
        type.Field<NonNullGraphType<ExposureGraphType>>("exposure").Description("The ownership-rule verdict for the party on the day, with the owners, percentages and sanctions behind it.")
            .WithExposureArguments().WithComplexityImpact(AnalysisComplexity.Exposure).Resolve(c => c.Exposure(c.Source.Id));
        type.AddRedFlagsField();
        type.Field<NonNullGraphType<StringGraphType>>("schema").Description("The FtM schema the party was given (e.g. Company, PublicBody).").Resolve(c => c.Source.Schema);
        type.Field<DateTimeOffsetGraphType>("firstSeen").Description("When any dataset first carried this party.").Resolve(c => c.Source.Provenance.FirstSeen);
        type.Field<DateTimeOffsetGraphType>("lastSeen").Description("When any dataset last carried this party.").Resolve(c => c.Source.Provenance.LastSeen);
        type.Field<NonNullGraphType<JsonGraphType>>("properties").Description("All FtM properties of the party, merged across datasets: property name → list of values.").Resolve(c => c.Source.Properties);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AddressGraphType>>>>("addresses").Description("The addresses the party is registered at.")
            .Resolve(c => c.Loaders().LinkedNodes(c.Source.Id, LinkKind.RegisteredAt, LinkDirection.Outgoing, c.Loaders().Addresses));
        Links<OwnershipGraphType>(type, "holdings", "Stakes this party holds in others (outgoing ownership); `party` is the asset.", LinkKind.Owns, LinkDirection.Outgoing);
        Links<RelationshipGraphType>(type, "directorships", "Organizations this party is a director or officer of; `party` is the organization.", LinkKind.Directs, LinkDirection.Outgoing);
        Links<RelationshipGraphType>(type, "controlled", "Parties this party controls; `party` is the controlled party.", LinkKind.Controls, LinkDirection.Outgoing);
        Links<RelationshipGraphType>(type, "controllers", "Parties that control this party; `party` is the controller.", LinkKind.Controls, LinkDirection.Incoming);
        Links<RelationshipGraphType>(type, "representatives", "Agents acting for this party, e.g. freight forwarders; `party` is the agent.", LinkKind.Represents, LinkDirection.Incoming);
        Links<RelationshipGraphType>(type, "clients", "Parties this party acts for as an agent; `party` is the client.", LinkKind.Represents, LinkDirection.Outgoing);
        Links<RelationshipGraphType>(type, "relatives", "Family members (FtM Family), either direction; `party` is the relative.", LinkKind.RelatedTo, LinkDirection.Both, l => l.Schema == "Family");
        Links<RelationshipGraphType>(type, "associates", "Associates and other stated links (FtM Associate, UnknownLink), either direction; `party` is the associate.", LinkKind.RelatedTo, LinkDirection.Both, l => l.Schema != "Family");
        Shipments(type, "shipmentsSent", "Shipments this party sent (as exporter), filtered and paginated.");
        Shipments(type, "shipmentsReceived", "Shipments this party received (as importer), filtered and paginated.");
        Shipments(type, "shipmentsDeclared", "Shipments this party declared to customs (as broker or forwarder), filtered and paginated.");
    }

    /// <summary>Fields of parties that can be owned and have officers: companies, organizations, legal entities.</summary>
    public static void AddOrganizationFields(ObjectGraphType<Party> type)
    {
        type.Field<PartialDateGraphType>("incorporationDate").Description("When the party was incorporated or founded.").Resolve(c => c.Source.IncorporationDate);
        Links<OwnershipGraphType>(type, "owners", "Stakes others hold in this party (incoming ownership); `party` is the owner.", LinkKind.Owns, LinkDirection.Incoming);
        Links<RelationshipGraphType>(type, "directors", "Directors and officers of this party; `party` is the director.", LinkKind.Directs, LinkDirection.Incoming);
    }

    private static void Links<TGraphType>(ObjectGraphType<Party> type, string name, string description, LinkKind kind, LinkDirection direction, Func<Link, bool>? where = null)
        where TGraphType : IGraphType =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGraphType>>>>(name).Description(description)
            .Resolve(c => new MappedResult<IReadOnlyList<Link>?, IReadOnlyList<PartyLink>>(
                c.Loaders().Links(c.Source.Id, kind, direction),
                links => (links ?? []).Where(l => where?.Invoke(l) ?? true).Select(l => PartyLink.From(l, c.Source.Id)).ToList()));

    private static void Shipments(ObjectGraphType<Party> type, string name, string description) =>
        type.Field<NonNullGraphType<ShipmentConnectionGraphType>>(name).Description(description)
            .WithShipmentArguments()
            .Resolve(c => c.Loaders().ShipmentPage(
                c.Source.Id,
                ShipmentArguments.Role(name),
                ShipmentArguments.ReadFilter(c),
                ShipmentArguments.ReadFirst(c),
                c.GetArgument<string?>("after")));
}
