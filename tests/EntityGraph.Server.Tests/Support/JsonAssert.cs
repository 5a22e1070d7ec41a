using System.Text.Json.Nodes;

namespace EntityGraph.Server.Tests.Support;

/// <summary>Compares JSON by structure, so expected JSON can be written readably as a raw string literal.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected:\n{expectedNode?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
    }
}
