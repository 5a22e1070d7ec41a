using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Scalars;

/// <summary>A GraphQL enum declared by its name, its description and its values, each with a description of its own.</summary>
public abstract class DescribedEnumGraphType : EnumerationGraphType
{
    protected DescribedEnumGraphType(string name, string description, params (string Name, object Value, string Description)[] values)
    {
        Name = name;
        Description = description;
        foreach (var (valueName, value, valueDescription) in values)
            Add(valueName, value, valueDescription);
    }
}
