using EntityGraph.Core.Model;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Parties;

/// <summary>The <c>Address</c> type.</summary>
public sealed class AddressGraphType : ObjectGraphType<Address>
{
    public AddressGraphType()
    {
        Name = "Address";
        Description = "A postal address that parties are registered at. Parties sharing an address is a classic red flag.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The FtM id of the address.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("full").Description("The full address on one line.").Resolve(c => c.Source.Full);
        Field<StringGraphType>("city").Description("The city, when the source gives it separately.").Resolve(c => c.Source.City);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("countries").Description("ISO-3166 alpha-2 country codes, lower case.").Resolve(c => c.Source.Countries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("datasets").Description("The datasets that carry the address.").Resolve(c => c.Source.Provenance.Datasets);
    }
}
