using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>Reads the nodes of a mapping file, turning every surprise into a <see cref="MappingException"/> at the node's line.</summary>
internal sealed class YamlNodes(string file)
{
    public string File { get; } = file;

    public MappingException Error(YamlNode node, string problem) => new(File, node.Start.Line, problem);

    /// <summary>The node as a mapping of string keys, or an error naming what <paramref name="what"/> should have been.</summary>
    public IReadOnlyList<(string Key, YamlNode KeyNode, YamlNode Value)> Mapping(YamlNode node, string what)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(node, $"{what} must be a mapping of names to values, not {Describe(node)}");
        return [.. mapping.Children.Select(p => (Scalar(p.Key, $"a key of {what}") ?? "", p.Key, p.Value))];
    }

    /// <summary>Refuses keys a mapping part does not know: a misspelt <c>colum:</c> would otherwise lose its values silently.</summary>
    public void OnlyKeys(IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> entries, string what, params string[] known)
    {
        foreach (var (key, keyNode, _) in entries)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
                throw Error(keyNode, $"{what} has no setting '{key}'; the settings are {string.Join(", ", known)}");
        }
    }

    /// <summary>A scalar's text; null for a YAML null (<c>~</c>, <c>null</c> or nothing).</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar)
            throw Error(node, $"{what} must be a single value, not {Describe(node)}");
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL")
            return null;
        return scalar.Value;
    }

    /// <summary>A single value or a list of values (<c>key: a</c> or <c>keys: [a, b]</c>), YAML nulls left out.</summary>
    public IReadOnlyList<string> Values(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
            return [.. sequence.Children.Select(c => Scalar(c, what)).OfType<string>()];
        return Scalar(node, what) is { } value ? [value] : [];
    }

    /// <summary>Like <see cref="Values"/>, keeping YAML nulls as null (a filter may match an empty cell).</summary>
    public IReadOnlyList<string?> ValuesWithNulls(YamlNode node, string what) =>
        node is YamlSequenceNode sequence ? [.. sequence.Children.Select(c => Scalar(c, what))] : [Scalar(node, what)];

    public bool Boolean(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return text?.ToLowerInvariant() switch
        {
            null or "false" or "no" or "off" or "0" => false,
            "true" or "yes" or "on" or "1" => true,
            _ => throw Error(node, $"{what} must be true or false, not '{text}'"),
        };
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode s => string.Create(CultureInfo.InvariantCulture, $"the value '{s.Value}'"),
        _ => "an alias",
    };
}
